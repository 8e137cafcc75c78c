import {registry} from "@web/core/registry";

const {DateTime} = luxon;

registry.category("web_tour.tours").add("inclusion_numerique_insertion_prolongation", {
    steps: () => [
        {
            content: "Open the prolongations of the PASS IAE",
            trigger: '.o_notebook_headers a:contains("Prolongations")',
            run: "click",
        },
        {
            content: "Add a prolongation request",
            trigger: 'div[name="prolongation_ids"] .o_field_x2many_list_row_add a',
            run: "click",
        },
        {
            content: "The reason: aged 50 or more",
            trigger: '.o_selected_row div[name="reason"] select',
            run: 'select "senior"',
        },
        {
            content:
                "It starts the day after the current end: give its end, 9 months from now",
            trigger: '.o_selected_row div[name="date_end"] input',
            run: `edit ${DateTime.now().plus({months: 9}).toFormat("dd/MM/yyyy")}`,
        },
        {
            content: "The authorised prescriber who decides",
            trigger: '.o_selected_row div[name="prescriber_id"] input',
            run: "edit Mission locale",
        },
        {
            content: "Pick the mission locale",
            trigger:
                '.o-autocomplete--dropdown-menu li a:contains("Mission locale de Stains")',
            run: "click",
        },
        {
            content: "Save the PASS IAE",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The request waits for the prescriber's decision",
            trigger: 'div[name="prolongation_ids"] .o_data_row:contains("Demandée")',
        },
        {
            content: "The prescriber granted it",
            trigger: 'div[name="prolongation_ids"] button[name="action_grant"]',
            run: "click",
        },
        {
            content: "The prolongation is granted",
            trigger: 'div[name="prolongation_ids"] .o_data_row:contains("Acceptée")',
        },
    ],
});
