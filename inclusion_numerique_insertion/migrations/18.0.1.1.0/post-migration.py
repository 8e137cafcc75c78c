"""18.0.1.1.0: refugees, asylum seekers and temporary protection are one eligibility
criterion (Les emplois: REF_DA). The seeded record is not updated by the data file
(noupdate): its name is set here, in English and in French; the ids stay."""

import json

REFUGEE_NAMES = {
    "en_US": "Refugee, subsidiary or temporary protection, or asylum seeker",
    "fr_FR": "Réfugié statutaire, protection subsidiaire ou temporaire, ou demandeur d'asile",
}


def migrate(cr, version):
    cr.execute(
        """UPDATE inclusion_eligibility_criterion c
              SET name = c.name || %s::jsonb
             FROM ir_model_data d
            WHERE d.model = 'inclusion.eligibility.criterion' AND d.res_id = c.id
              AND d.module = 'inclusion_numerique_insertion'
              AND d.name = 'eligibility_criterion_refugee'""",
        [json.dumps(REFUGEE_NAMES)],
    )
