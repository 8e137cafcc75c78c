# Copyright 2026 Inclusion numérique contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Digital Inclusion – Workshops and insertion",
    "summary": "Insertion advisers see the workshop registrations of the people they follow; "
    "workshop hours on paid time become training work entries",
    "version": "18.0.1.0.0",
    "category": "Human Resources",
    "website": "https://github.com/inclusion-numerique/inclusion_numerique",
    "author": "Inclusion numérique contributors",
    "license": "AGPL-3",
    # Installed with workshops and insertion; it brings the work entries with it.
    "auto_install": ["inclusion_numerique_workshop", "inclusion_numerique_insertion"],
    "depends": [
        "inclusion_numerique_workshop",
        "inclusion_numerique_insertion",
        "hr_work_entry_contract",
    ],
    "data": [
        "security/inclusion_numerique_workshop_insertion_security.xml",
        "data/hr_work_entry_type_data.xml",
        "views/inclusion_workshop_views.xml",
        "views/hr_work_entry_views.xml",
    ],
}
