from odoo.addons.inclusion_numerique.tests.common import InclusionCase


class EquipmentCase(InclusionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="fr_FR"))
        cls.donor = cls.env["res.partner"].create({"name": "Ecodair", "is_company": True})
        cls.fatou = cls.env["inclusion.beneficiary"].create({"name": "Fatou Diallo"})
        cls.kevin = cls.env["inclusion.beneficiary"].create({"name": "Kevin Martin"})

    @classmethod
    def _new_equipment(cls, serial, state="ready", **values):
        return cls.env["inclusion.equipment"].create(
            {
                "equipment_type": "laptop",
                "brand": "Lenovo",
                "model_name": "ThinkPad T470",
                "serial_number": serial,
                "donor_id": cls.donor.id,
                "state": state,
                **values,
            }
        )

    def _flush_tracking(self):
        """Write the tracking values, as a commit would."""
        self.env.flush_all()
        self.env.cr.precommit.run()

    def _hand_over(self, equipment, beneficiary=None, user=None, **values):
        handovers = self.env["inclusion.equipment.handover"].with_user(user or self.mediator)
        return handovers.create(
            {
                "equipment_id": equipment.id,
                "beneficiary_id": (beneficiary or self.fatou).id,
                "payment_method": "cash",
                **values,
            }
        )
