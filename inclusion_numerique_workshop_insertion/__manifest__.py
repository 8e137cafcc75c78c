# Copyright 2026 Inclusion numérique contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Digital Inclusion – Workshops and insertion",
    "summary": "Insertion advisers see the workshop registrations of the people they follow",
    "version": "18.0.1.0.0",
    "category": "Human Resources",
    "website": "https://github.com/inclusion-numerique/inclusion_numerique",
    "author": "Inclusion numérique contributors",
    "license": "AGPL-3",
    "auto_install": True,
    "depends": ["inclusion_numerique_workshop", "inclusion_numerique_insertion"],
    "data": ["security/inclusion_numerique_workshop_insertion_security.xml"],
}
