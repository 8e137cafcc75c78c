import {openMenu} from "@inclusion_numerique/../tests/tours/desk_tour_utils";
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("inclusion_numerique_support_drop_in", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        ...openMenu(
            "inclusion_numerique.menu_support_root",
            "inclusion_numerique.menu_support_quick"
        ),
        {
            content: "The quick form reads in French",
            trigger: '.o_form_view .o_horizontal_separator:contains("Thématiques")',
        },
        {
            content: "Type the name of the new beneficiary",
            trigger: ".o_field_widget[name=beneficiary_id] input",
            run: "edit Awa Traoré",
        },
        {
            content: "Create the beneficiary: their short profile opens",
            trigger: ".o_m2o_dropdown_option_create_edit a",
            run: "click",
        },
        {
            content: "The short profile asks the desk's first questions",
            trigger: '.modal .o_form_view label:contains("Date du consentement")',
        },
        {
            content: "The name typed is kept",
            trigger: '.modal .o_field_widget[name=name] input:value("Awa Traoré")',
        },
        {
            content: "Save the new person",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The visit is hers",
            trigger: '.o_field_widget[name=beneficiary_id] input:value("Awa Traoré")',
        },
        {
            content: "Tick the e-mail theme",
            trigger:
                '.o_field_widget[name=theme_ids] .o-checkbox:contains("E-mail") label',
            run: "click",
        },
        {
            content: "A quarter of an hour",
            trigger: '.o_field_widget[name=duration_preset] input[data-value="15"]',
            run: "click",
        },
        {
            content: "Save the visit",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The visit is saved under the beneficiary's name",
            trigger:
                '.o_breadcrumb .active:contains("Passage en permanence – Awa Traoré")',
        },
    ],
});
