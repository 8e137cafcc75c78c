"""18.0.1.1.0: PASS IAE suspension reasons as Les emplois de l'inclusion applies them.

"Move to another structure" is not one of their reasons: such a move is the situation
agreed between the members of the CTA (comité technique d'animation) that replaced it.
"""


def migrate(cr, version):
    cr.execute(
        """UPDATE inclusion_pass_iae_suspension SET reason = 'cta_agreement'
            WHERE reason = 'structure_move'"""
    )
