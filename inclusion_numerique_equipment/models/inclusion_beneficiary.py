from odoo import models
from odoo.tools import SQL


class InclusionBeneficiary(models.Model):
    """Equipment in the person's data lifecycle: a handover counts as activity, a
    pending one (reserved computer, lent computer not returned) blocks the erasure, and
    receipts keep the name and address of their recipient."""

    _inherit = "inclusion.beneficiary"

    def _privacy_activity_dates_sql(self):
        return [
            *super()._privacy_activity_dates_sql(),
            SQL(
                """(SELECT max(h.date) FROM inclusion_equipment_handover h
                     WHERE h.beneficiary_id = b.id)"""
            ),
        ]

    def _privacy_erasure_blockers(self):
        blockers = super()._privacy_erasure_blockers()
        # The whole structure's equipment, including what the user may not read.
        reserved = (
            self.env["inclusion.equipment"]
            .sudo()
            ._read_group(
                [("reserved_for_id", "in", self.ids), ("state", "=", "reserved")],
                ["reserved_for_id"],
            )
        )
        for (person,) in reserved:
            blockers.setdefault(person.with_env(self.env), []).append(
                self.env._("a computer is reserved for them")
            )
        lent = (
            self.env["inclusion.equipment.handover"]
            .sudo()
            ._read_group(
                [
                    ("beneficiary_id", "in", self.ids),
                    ("mode", "=", "lent"),
                    ("state", "=", "done"),
                ],
                ["beneficiary_id"],
            )
        )
        for (person,) in lent:
            blockers.setdefault(person.with_env(self.env), []).append(
                self.env._("a lent computer has not been returned")
            )
        return blockers

    def _privacy_erase_related(self):
        threads = super()._privacy_erase_related()
        handovers = (
            self.env["inclusion.equipment.handover"]
            .sudo()
            .search([("beneficiary_id", "in", self.ids)])
        )
        self.env.cr.execute(
            SQL(
                "UPDATE inclusion_equipment_handover SET note = NULL WHERE id = ANY(%s)",
                handovers.ids,
            )
        )
        return {**threads, "inclusion.equipment.handover": handovers.ids}

    def _privacy_partners_kept_for_accounting(self, partners):
        kept = super()._privacy_partners_kept_for_accounting(partners)
        # Receipts of sales are accounting documents: their recipient stays named.
        receipts = (
            self.env["inclusion.equipment.handover"]
            .sudo()
            ._read_group(
                [("partner_id", "in", partners.ids), ("mode", "=", "sold")], ["partner_id"]
            )
        )
        return kept | partners.browse([partner.id for (partner,) in receipts])

    def _privacy_access_sections(self):
        return [
            *super()._privacy_access_sections(),
            {
                "key": "handovers",
                "title": self.env._("Equipment handovers"),
                "model": "inclusion.equipment.handover",
                "domain": [("beneficiary_id", "=", self.id)],
                "fields": [
                    "name",
                    "date",
                    "equipment_type",
                    "serial_number",
                    "mode",
                    "price",
                    "payment_method",
                    "state",
                    "return_date",
                    "note",
                ],
            },
        ]

    def _timeline_events(self):
        events = super()._timeline_events()
        modes = self._selection_labels("inclusion.equipment.handover", "mode")
        events += [
            self._timeline_event(
                handover.date,
                "fa-laptop",
                self.env._("Equipment %(mode)s", mode=modes[handover.mode].lower()),
                handover.equipment_id.display_name,
            )
            for handover in self._timeline_records(
                "inclusion.equipment.handover",
                [("beneficiary_id", "=", self.id), ("state", "!=", "cancelled")],
            )
        ]
        return events
