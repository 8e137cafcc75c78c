from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Targets of an agreement, in the order of the programme report.
PROGRAMME_TARGETS = ("target_people", "target_workshops", "target_hours", "target_computers")


class InclusionProgramme(models.Model):
    """A funder's programme (call for tenders, agreement): the activities it pays for
    and the targets of its agreement over its period."""

    _name = "inclusion.programme"
    _description = "Programme"
    _inherit = ["mail.thread", "inclusion.company.mixin"]
    _order = "date_start desc, name"

    name = fields.Char(required=True, tracking=True)
    funder_id = fields.Many2one("res.partner", required=True, tracking=True, check_company=True)
    agreement_ref = fields.Char(string="Agreement reference", tracking=True)
    date_start = fields.Date(string="Start", required=True, tracking=True)
    date_end = fields.Date(string="End", required=True, tracking=True)
    territory = fields.Char(help="e.g. Stains, Seine-Saint-Denis, Yvelines (78)")
    target_people = fields.Integer(string="People supported (target)", tracking=True)
    target_workshops = fields.Integer(string="Workshop sessions held (target)", tracking=True)
    target_hours = fields.Integer(string="Hours of support (target)", tracking=True)
    target_computers = fields.Integer(string="Computers handed over (target)", tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)
    place_ids = fields.One2many(
        "inclusion.place", "programme_id", string="Places", help="Places whose activity it funds."
    )

    @api.depends("name", "funder_id.name")
    def _compute_display_name(self):
        for programme in self:
            programme.display_name = (
                f"{programme.name} ({programme.funder_id.name})"
                if programme.funder_id
                else programme.name
            )

    @api.constrains(*PROGRAMME_TARGETS)
    def _check_targets(self):
        for programme in self:
            if any(programme[fname] < 0 for fname in PROGRAMME_TARGETS):
                raise ValidationError(self.env._("A target cannot be below zero."))

    @api.constrains("date_start", "date_end")
    def _check_period(self):
        for programme in self:
            if programme.date_end < programme.date_start:
                raise ValidationError(self.env._("A programme cannot end before it starts."))

    def _covers(self, date):
        """Whether the programme's period covers the date (an empty one is covered)."""
        self.ensure_one()
        return not date or self.date_start <= date <= self.date_end

    def _pick(self, date):
        """The first of these programmes whose period covers the date: callers put the
        place's programme first, then the one already chosen."""
        return next((programme for programme in self if programme._covers(date)), self.browse())

    @api.model
    def _check_covers(self, dated_programmes):
        """Refuse activities dated outside the period of their programme, given as
        (programme, date of the activity) pairs."""
        for programme, date in dated_programmes:
            if programme and not programme._covers(date):
                raise ValidationError(
                    self.env._(
                        "The programme %(programme)s runs from %(start)s to %(end)s: it does"
                        " not cover an activity of %(date)s.",
                        programme=programme.name,
                        start=programme.date_start.strftime("%d/%m/%Y"),
                        end=programme.date_end.strftime("%d/%m/%Y"),
                        date=date.strftime("%d/%m/%Y"),
                    )
                )
