from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date

from .hr_contract import INSERTION_PRIVATE_GROUPS, INSERTION_TEAM_GROUP

INTERVIEW_KINDS = [
    ("reception", "Reception"),
    ("follow_up", "Follow-up"),
    ("mid_term", "Mid-term review"),
    ("exit", "Exit"),
]
MAX_INTERVIEW_HOURS = 8


class InclusionInsertionInterview(models.Model):
    """An interview (entretien) of an adviser with an insertion employee."""

    _name = "inclusion.insertion.interview"
    _description = "Insertion follow-up interview"
    _inherit = ["inclusion.insertion.follow.up.mixin"]
    _order = "date desc, id desc"

    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    referent_id = fields.Many2one(
        "hr.employee",
        check_company=True,
        default=lambda self: self.env.user.employee_id,
    )
    kind = fields.Selection(INTERVIEW_KINDS, required=True, default="follow_up")
    duration = fields.Float(
        string="Duration (hours)", default=1.0, help="Counted in the follow-up hours."
    )
    notes = fields.Html(groups=INSERTION_PRIVATE_GROUPS)
    # Obstacles (health, justice...) are social details: the insertion team's only.
    obstacle_ids = fields.Many2many(
        "inclusion.insertion.obstacle",
        string="Obstacles discussed",
        groups=INSERTION_TEAM_GROUP,
    )

    @api.depends("kind", "date")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for interview in self:
            interview.display_name = self.env._(
                "%(kind)s of %(date)s",
                kind=kinds.get(interview.kind, ""),
                date=format_date(self.env, interview.date),
            )

    @api.constrains("duration")
    def _check_duration(self):
        for interview in self:
            if not 0 < interview.duration <= MAX_INTERVIEW_HOURS:
                raise ValidationError(
                    self.env._(
                        "The duration of an interview must be more than 0 and at most "
                        "%(max)s hours.",
                        max=MAX_INTERVIEW_HOURS,
                    )
                )
