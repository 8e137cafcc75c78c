from odoo import api, fields, models
from odoo.exceptions import UserError

# Statuses that a user may set when recording a piece of equipment.
INITIAL_STATES = ("received",)

EQUIPMENT_TYPES = [
    ("laptop", "Laptop"),
    ("desktop", "Desktop computer"),
    ("tablet", "Tablet"),
    ("smartphone", "Smartphone"),
    ("other", "Other"),
]
CONDITIONS = [
    ("as_new", "As new"),
    ("good", "Good"),
    ("fair", "Fair"),
    ("poor", "Poor"),
]
STATES = [
    ("received", "Received"),
    ("ready", "Ready"),
    ("reserved", "Reserved"),
    ("handed_over", "Handed over"),
    ("returned", "Returned"),
    ("scrapped", "Scrapped"),
]


class InclusionEquipment(models.Model):
    _name = "inclusion.equipment"
    _description = "Donated equipment"
    _inherit = ["mail.thread", "mail.activity.mixin", "inclusion.company.mixin"]
    _order = "reception_date desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    equipment_type = fields.Selection(
        EQUIPMENT_TYPES, string="Type", required=True, default="laptop", tracking=True
    )
    brand = fields.Char(required=True, tracking=True)
    model_name = fields.Char(string="Model", tracking=True)
    serial_number = fields.Char(required=True, tracking=True, copy=False)
    donor_id = fields.Many2one(
        "res.partner", index="btree_not_null", tracking=True, check_company=True
    )
    reception_date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    condition = fields.Selection(CONDITIONS, default="good", tracking=True)
    refurbishment_notes = fields.Text()
    accessories = fields.Char(help="e.g. charger, mouse, bag")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    estimated_value = fields.Monetary(currency_field="currency_id")
    state = fields.Selection(
        STATES, required=True, default="received", tracking=True, copy=False, index=True
    )
    reserved_for_id = fields.Many2one(
        "inclusion.beneficiary",
        string="Reserved for",
        tracking=True,
        copy=False,
        ondelete="restrict",
        check_company=True,
        groups="inclusion_numerique.group_mediator",
    )
    handover_ids = fields.One2many("inclusion.equipment.handover", "equipment_id")
    handover_count = fields.Integer(compute="_compute_handover_count")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "serial_number_company_unique",
            "unique(company_id, serial_number)",
            "This serial number is already recorded for another piece of equipment.",
        ),
    ]

    @api.depends("equipment_type", "brand", "model_name", "serial_number")
    def _compute_name(self):
        type_labels = dict(self._fields["equipment_type"]._description_selection(self.env))
        for equipment in self:
            label = " ".join(filter(None, [equipment.brand, equipment.model_name]))
            label = label or type_labels.get(equipment.equipment_type, "")
            equipment.name = f"{label} ({equipment.serial_number})"

    def _compute_handover_count(self):
        counts = dict(
            self.env["inclusion.equipment.handover"]._read_group(
                [("equipment_id", "in", self.ids)], ["equipment_id"], ["__count"]
            )
        )
        for equipment in self:
            equipment.handover_count = counts.get(equipment, 0)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(
            vals.get("state", INITIAL_STATES[0]) not in INITIAL_STATES for vals in vals_list
        ):
            raise UserError(self._state_message())
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            if "state" in vals:
                raise UserError(self._state_message())
            if "reserved_for_id" in vals:
                self._check_state(("ready", "reserved"), self.env._("reserved"))
        return super().write(vals)

    def _state_message(self):
        return self.env._("The status changes only through the buttons of the form.")

    def _write_state(self, vals):
        """Write a status change of an action, once the user's right to change these
        records is checked: `write` refuses statuses to users."""
        self.check_access("write")
        # Statuses are refused to users in `write`; the access right was checked above.
        self.sudo().write(vals)

    def _check_state(self, allowed_states, action_label):
        for equipment in self:
            if equipment.state not in allowed_states:
                raise UserError(
                    self.env._(
                        "%(equipment)s cannot be %(action)s in its current state (%(state)s).",
                        equipment=equipment.name,
                        action=action_label,
                        state=dict(self._fields["state"]._description_selection(self.env))[
                            equipment.state
                        ],
                    )
                )

    def action_set_ready(self):
        self._check_state(("received", "returned"), self.env._("marked ready"))
        self._write_state({"state": "ready"})

    def action_reserve(self):
        self._check_state(("ready",), self.env._("reserved"))
        if any(not equipment.reserved_for_id for equipment in self):
            raise UserError(self.env._("Choose the beneficiary the equipment is reserved for."))
        self._write_state({"state": "reserved"})

    def action_unreserve(self):
        self._check_state(("reserved",), self.env._("released"))
        self._write_state({"state": "ready", "reserved_for_id": False})

    def action_scrap(self):
        self._check_state(("received", "ready", "reserved", "returned"), self.env._("scrapped"))
        self._write_state({"state": "scrapped", "reserved_for_id": False})

    def action_handover(self):
        self.ensure_one()
        self._check_state(("ready", "reserved"), self.env._("handed over"))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Hand over"),
            "res_model": "inclusion.equipment.handover",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_equipment_id": self.id,
                "default_beneficiary_id": self.reserved_for_id.id,
            },
        }

    def action_view_handovers(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "inclusion_numerique_equipment.inclusion_equipment_handover_action"
        )
        action["domain"] = [("equipment_id", "=", self.id)]
        action["context"] = {"default_equipment_id": self.id}
        return action
