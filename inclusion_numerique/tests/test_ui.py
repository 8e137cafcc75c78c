from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    def test_mediator_opens_root_menu(self):
        new_test_user(
            self.env,
            login="tour_mediator",
            groups="inclusion_numerique.group_mediator",
            lang="fr_FR",
        )
        self.start_tour("/odoo", "inclusion_numerique_root_menu", login="tour_mediator")
