import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("inclusion_numerique_root_menu", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Digital Inclusion app",
            trigger: '.o_app[data-menu-xmlid="inclusion_numerique.menu_root"]',
            run: "click",
        },
        {
            content: "The app name reads in French",
            trigger: '.o_main_navbar .o_menu_brand:contains("Inclusion numérique")',
        },
        {
            content: "The beneficiary list opens",
            trigger: '.o_breadcrumb:contains("Bénéficiaires")',
        },
    ],
});
