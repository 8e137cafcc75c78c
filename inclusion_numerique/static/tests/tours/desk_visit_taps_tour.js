import {
    assertTaps,
    openMenu,
    startCountingTaps,
} from "@inclusion_numerique/../tests/tours/desk_tour_utils";
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

const saveAndNew = [
    {
        content: "Save and record the next visit",
        trigger: "button[name=action_save_and_new]",
        run: "click",
    },
    {
        content: "A blank visit follows (no theme ticked yet)",
        trigger:
            ".o_form_view .o_field_widget[name=theme_ids]:not(:has(input:checked))",
    },
];

registry.category("web_tour.tours").add("inclusion_numerique_desk_visit_taps", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        ...openMenu(
            "inclusion_numerique.menu_support_root",
            "inclusion_numerique.menu_support_quick"
        ),
        {
            content: "The place is proposed from the mediator's",
            trigger:
                '.o_field_widget[name=place_id] input:value("Espace numérique du Lac")',
        },
        startCountingTaps("named visit"),
        {
            content: "Open the people (the regulars first)",
            trigger: ".o_field_widget[name=beneficiary_id] input",
            run: "click",
        },
        {
            content: "Pick Awa Traoré, told apart by her birth year",
            trigger: '.o-autocomplete--dropdown-item a:contains("Awa Traoré (1984")',
            run: "click",
        },
        {
            content: "Tap the e-mail theme",
            trigger:
                '.o_field_widget[name=theme_ids] .o-checkbox:contains("E-mail") label',
            run: "click",
        },
        ...saveAndNew,
        assertTaps("named visit", 4, 6),
        startCountingTaps("anonymous visit"),
        {
            content: "A woman",
            trigger:
                '.o_field_widget[name=anonymous_gender] .o_selection_badge:contains("Féminin")',
            run: "click",
        },
        {
            content: "In her sixties",
            trigger:
                '.o_field_widget[name=anonymous_age_bracket] .o_selection_badge:contains("60")',
            run: "click",
        },
        {
            content: "Retired",
            trigger:
                '.o_field_widget[name=anonymous_social_status] .o_selection_badge:contains("Retraité")',
            run: "click",
        },
        {
            content: "Tap the health theme",
            trigger:
                '.o_field_widget[name=theme_ids] .o-checkbox:contains("Santé") label',
            run: "click",
        },
        {
            content: "Tap the social and health procedures",
            trigger:
                '.o_field_widget[name=procedure_domain_ids] .o-checkbox:contains("Social") label',
            run: "click",
        },
        ...saveAndNew,
        assertTaps("anonymous visit", 6, 8),
    ],
});
