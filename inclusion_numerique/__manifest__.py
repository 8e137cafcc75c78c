# Copyright 2026 Inclusion numérique contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Digital Inclusion",
    "summary": "Beneficiaries, support sessions, workshops, insertion contracts "
    "and donated equipment for French social structures",
    "version": "18.0.1.0.0",
    "category": "Human Resources",
    "website": "https://github.com/inclusion-numerique/inclusion_numerique",
    "author": "Inclusion numérique contributors",
    "license": "AGPL-3",
    "application": True,
    "depends": ["hr", "hr_contract", "mail", "report_xlsx"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/inclusion_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "views/menus.xml",
        "views/inclusion_beneficiary_views.xml",
        "views/res_config_settings_views.xml",
        "report/inclusion_workshop_reports.xml",
        "views/inclusion_workshop_views.xml",
        "views/inclusion_workshop_session_views.xml",
        "views/inclusion_workshop_registration_views.xml",
        "views/inclusion_attendance_views.xml",
        "views/hr_employee_views.xml",
        "wizard/inclusion_workshop_session_generate_views.xml",
        "views/inclusion_equipment_views.xml",
        "views/inclusion_equipment_handover_views.xml",
        "views/inclusion_equipment_candidate_views.xml",
        "report/equipment_handover_reports.xml",
    ],
    "demo": [
        "demo/workshop_demo.xml",
        "demo/equipment_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "inclusion_numerique/static/tests/tours/*.js",
        ],
    },
}
