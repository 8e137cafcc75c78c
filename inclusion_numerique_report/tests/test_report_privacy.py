from freezegun import freeze_time

from odoo.tests import tagged

from .common import ReportCase


@tagged("post_install", "-at_install")
class TestReportPrivacy(ReportCase):
    def test_yearly_figures_are_the_same_after_anonymisation(self):
        """The people of 2015 are anonymised by the nightly run years later: the figures
        of 2015 (support sessions and workshops, by gender, age, status, commune, QPV,
        new people) do not move."""
        before = self._wizard()._get_figures()
        people = self.fatima | self.karim | self.odette
        # Years later: past the retention of every activity, registrations of today too.
        with freeze_time("2030-01-01"):
            self.env["inclusion.beneficiary"]._cron_anonymise_inactive(batch_size=2)
        self.env.invalidate_all()
        self.assertTrue(all(people.with_context(active_test=False).mapped("is_anonymised")))
        self.assertNotIn("Fatima", people.with_context(active_test=False).mapped("name"))
        after = self._wizard()._get_figures()
        self.assertEqual(after, before)
        self.assertTrue(before["totals"]["people"])
