from odoo import http
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import request

FORM_FIELDS = (
    "person_name",
    "person_phone",
    "person_email",
    "need",
    "urgency",
    "reminder_channel",
)


class ReferralPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "referral_count" in counters:
            referrals = request.env["inclusion.referral"]
            values["referral_count"] = (
                referrals.search_count([]) if referrals.has_access("read") else 0
            )
        return values

    def _referral_or_404(self, referral_id):
        """The referral as the user reads it; another organisation's is simply not found."""
        referral = request.env["inclusion.referral"].browse(referral_id).exists()
        if not referral or not referral.has_access("read"):
            raise request.not_found()
        return referral

    @http.route("/my/referrals", type="http", auth="user", website=True)
    def portal_my_referrals(self, **kw):
        values = self._prepare_portal_layout_values()
        values.update(
            page_name="referrals",
            referrals=request.env["inclusion.referral"].search([]),
        )
        return request.render("inclusion_numerique_portal.portal_my_referrals", values)

    def _render_referral_form(self, values=None, error=None):
        layout = self._prepare_portal_layout_values()
        layout.update(
            page_name="referral_new",
            themes=request.env["inclusion.theme"].search([("kind", "=", "digital")]),
            referral_fields=request.env["inclusion.referral"]._fields,
            form=values or {},
            error=error,
        )
        return request.render("inclusion_numerique_portal.portal_referral_new", layout)

    @http.route("/my/referrals/new", type="http", auth="user", website=True, methods=["GET"])
    def portal_referral_new(self, **kw):
        return self._render_referral_form()

    @http.route("/my/referrals/new", type="http", auth="user", website=True, methods=["POST"])
    def portal_referral_create(self, **post):
        theme_ids = [int(i) for i in request.httprequest.form.getlist("theme_ids") if i.isdigit()]
        values = {fname: (post.get(fname) or "").strip() for fname in FORM_FIELDS}
        values.update(
            theme_ids=[(6, 0, theme_ids)],
            person_agreement=bool(post.get("person_agreement")),
            sharing_agreed=bool(post.get("sharing_agreed")),
            urgency=values["urgency"] or "normal",
            reminder_channel=values["reminder_channel"] or "sms",
        )
        try:
            with request.env.cr.savepoint():
                referral = request.env["inclusion.referral"].create(values)
        except (AccessError, UserError, ValidationError) as error:
            form = dict(values, theme_ids=theme_ids)
            return self._render_referral_form(form, error=error.args[0])
        return request.redirect(f"/my/referrals/{referral.id}")

    @http.route("/my/referrals/<int:referral_id>", type="http", auth="user", website=True)
    def portal_referral_page(self, referral_id, error=None, **kw):
        referral = self._referral_or_404(referral_id)
        values = self._prepare_portal_layout_values()
        values.update(
            page_name="referral",
            referral=referral,
            slots=referral._portal_free_slots() if referral._portal_can_book() else [],
            error=error,
        )
        return request.render("inclusion_numerique_portal.portal_referral_page", values)

    @http.route(
        "/my/referrals/<int:referral_id>/book",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_referral_book(self, referral_id, slot_id=None, **kw):
        referral = self._referral_or_404(referral_id)
        try:
            with request.env.cr.savepoint():
                referral._portal_book(int(slot_id) if (slot_id or "").isdigit() else 0)
        except (UserError, ValidationError) as error:
            return self.portal_referral_page(referral_id, error=error.args[0])
        return request.redirect(f"/my/referrals/{referral_id}")
