# Copyright 2026 Inclusion numérique contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Digital Inclusion – Accounting",
    "summary": "Customer invoices, payments and credit notes for the donated equipment sales",
    "version": "18.0.2.0.0",
    "category": "Accounting",
    "website": "https://github.com/inclusion-numerique/inclusion_numerique",
    "author": "Inclusion numérique contributors",
    "license": "AGPL-3",
    "depends": ["inclusion_numerique_equipment", "account"],
    "auto_install": True,
    "data": [
        "security/inclusion_account_security.xml",
        "data/product_data.xml",
        "views/res_config_settings_views.xml",
        "views/inclusion_equipment_handover_views.xml",
    ],
}
