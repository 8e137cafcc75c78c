# Copyright 2026 Inclusion numérique contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Digital Inclusion – Referrals and appointments",
    "summary": "Referrals by partner organisations in the portal, bookable slots, reminders "
    "and no-shows",
    "version": "18.0.1.0.0",
    "category": "Human Resources",
    "website": "https://github.com/inclusion-numerique/inclusion_numerique",
    "author": "Inclusion numérique contributors",
    "license": "AGPL-3",
    "depends": ["inclusion_numerique", "portal", "sms"],
    "data": [
        "security/inclusion_numerique_portal_security.xml",
        "security/ir.model.access.csv",
        "data/mail_template_data.xml",
        "data/sms_template_data.xml",
        "data/ir_cron_data.xml",
        "views/inclusion_slot_views.xml",
        "views/inclusion_referral_views.xml",
        "views/inclusion_slot_pattern_views.xml",
        "views/inclusion_beneficiary_views.xml",
        "views/res_config_settings_views.xml",
        "report/inclusion_appointment_report_views.xml",
        "report/inclusion_referral_report_views.xml",
        "views/menus.xml",
        "views/portal_templates.xml",
    ],
    "demo": [
        "demo/portal_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "inclusion_numerique_portal/static/tests/tours/*.js",
        ],
    },
}
