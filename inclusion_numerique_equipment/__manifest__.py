# Copyright 2026 Inclusion numérique contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Digital Inclusion – Donated equipment",
    "summary": "Donated computers: stock, reservations, handovers and sales with receipts",
    "version": "18.0.1.0.0",
    "category": "Human Resources",
    "website": "https://github.com/inclusion-numerique/inclusion_numerique",
    "author": "Inclusion numérique contributors",
    "license": "AGPL-3",
    "depends": ["inclusion_numerique"],
    "data": [
        "security/inclusion_numerique_equipment_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "views/menus.xml",
        "views/inclusion_equipment_views.xml",
        "views/inclusion_equipment_handover_views.xml",
        "wizard/inclusion_equipment_handover_cancel_views.xml",
        "report/equipment_handover_reports.xml",
        "views/hr_employee_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "demo": [
        "demo/equipment_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "inclusion_numerique_equipment/static/tests/tours/*.js",
        ],
    },
}
