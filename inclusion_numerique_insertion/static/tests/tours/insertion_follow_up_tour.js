import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("inclusion_numerique_insertion_follow_up", {
    steps: () => [
        {
            content: "Open the interviews of the employee",
            trigger: 'button.oe_stat_button:contains("Entretiens")',
            run: "click",
        },
        {
            content: "Record a new interview",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "The interview is for the employee",
            trigger: '.o_field_widget[name="employee_id"] input:value("Jean Tourneur")',
        },
        {
            content: "It is a mid-term review",
            trigger: '.o_field_widget[name="kind"] select',
            run: 'select "mid_term"',
        },
        {
            content: "It lasted an hour and a half",
            trigger: '.o_field_widget[name="duration"] input',
            run: "edit 01:30",
        },
        {
            content: "Housing was discussed",
            trigger: '.o_field_widget[name="obstacle_ids"] input',
            run: "edit Logement",
        },
        {
            content: "Pick housing",
            trigger: '.o-autocomplete--dropdown-menu li a:contains("Logement")',
            run: "click",
        },
        {
            content: "Write the notes",
            trigger: '.o_field_widget[name="notes"] .odoo-editor-editable',
            run: "editor Bail signé, ouverture des droits APL en cours.",
        },
        {
            content: "Save the interview",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The interview is saved",
            trigger: ".o_form_saved",
        },
        {
            content: "Back to the employee",
            trigger: '.o_breadcrumb a:contains("Jean Tourneur")',
            run: "click",
        },
        {
            content: "Open the obstacles of the employee",
            trigger: 'button.oe_stat_button:contains("Freins")',
            run: "click",
        },
        {
            content: "Open the housing obstacle",
            trigger:
                '.o_data_row .o_data_cell[name="obstacle_id"]:contains("Logement")',
            run: "click",
        },
        {
            content: "Mark it lifted",
            trigger: 'button[name="action_lift"]',
            run: "click",
        },
        {
            content: "The obstacle is lifted, with today's date",
            trigger:
                '.o_statusbar_status button.o_arrow_button_current:contains("Levé")',
        },
        {
            content: "Back to the employee",
            trigger: '.o_breadcrumb a:contains("Jean Tourneur")',
            run: "click",
        },
        {
            content: "The employee form is shown again",
            trigger: '.o_form_view button.oe_stat_button:contains("Entretiens")',
        },
        // Hook for the PASS IAE prolongation request (f/passiae): its steps start from
        // the employee form, here, as an adviser who follows the employee.
    ],
});
