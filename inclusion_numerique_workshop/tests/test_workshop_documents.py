from odoo.addons.inclusion_numerique.tests.common import STRUCTURE, render_pdf_pages
from odoo.tests import tagged

from .common import WorkshopCase

CERTIFICATE = "inclusion_numerique_workshop.action_report_workshop_certificate"
SHEET = "inclusion_numerique_workshop.action_report_attendance_sheet"
CYCLE_SHEETS = "inclusion_numerique_workshop.action_report_workshop_attendance_sheet"


@tagged("post_install", "-at_install")
class TestWorkshopDocuments(WorkshopCase):
    """Several certificates or attendance sheets in one PDF: one page each, each with the
    structure's header and footer, its own page numbers and selectable text."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(STRUCTURE)
        cls.workshop = cls._workshop(cls, name="Je m'investis")
        cls.sessions = cls._session(cls, cls.workshop, days_ago=7) | cls._session(
            cls, cls.workshop
        )
        cls.registrations = cls._register(cls, cls.workshop, cls._beneficiaries(cls, 3))

    def test_batch_of_certificates(self):
        for session in self.sessions:
            self._close_roll_call(session, dict.fromkeys(self.registrations, "present"))
        self.workshop.action_done()
        self.assertEqual(set(self.registrations.mapped("state")), {"completed"})

        pages = render_pdf_pages(CERTIFICATE, self.registrations, self.mediator)
        self.assertEqual(len(pages), 3)
        for page, registration in zip(pages, self.registrations, strict=True):
            self.assertStructurePage(page)
            self.assertIn("Attestation de fin de cycle", page)
            self.assertIn(registration.beneficiary_id.name, page)
            self.assertIn("Fait à Carcassonne le", page)

    def test_batch_of_attendance_sheets(self):
        pages = render_pdf_pages(SHEET, self.sessions, self.mediator)
        self.assertEqual(len(pages), 2)
        for page in pages:
            self.assertStructurePage(page)
            self.assertIn("Feuille d'émargement", page)
            self.assertEqual(page.count("Participant 0"), 3)

        # The cycle's sheets: one per session, whatever the number of workshops printed.
        other = self._workshop(name="Premiers pas")
        self._session(other, days_ago=3)
        pages = render_pdf_pages(CYCLE_SHEETS, self.workshop | other, self.mediator)
        self.assertEqual(len(pages), 3)
        self.assertIn("Premiers pas", pages[2])
