import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("inclusion_numerique_equipment_handover", {
    url: "/odoo/action-inclusion_numerique_equipment.inclusion_equipment_action",
    steps: () => [
        {
            content: "Open the ready computer",
            trigger: '.o_kanban_record:contains("SN-TOUR")',
            run: "click",
        },
        {
            content: "Hand it over",
            trigger: '.o_statusbar_buttons button:contains("Remettre")',
            run: "click",
        },
        {
            content: "The sale price comes from the settings, read-only for a mediator",
            trigger: '.o_field_widget[name=price]:not(:has(input)):contains("20,00")',
        },
        {
            content: "Choose the recipient",
            trigger: ".o_field_widget[name=beneficiary_id] input",
            run: "edit Fatou Tour",
        },
        {
            content: "Pick her in the list",
            trigger: '.o-autocomplete--dropdown-item > a:contains("Fatou Tour")',
            run: "click",
        },
        {
            content: "Paid in cash",
            trigger: ".o_field_widget[name=payment_method] select",
            run: "selectByLabel Espèces",
        },
        {
            content: "Save the handover",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The receipt number is issued",
            trigger: '.o_field_widget[name=name]:contains("REC/")',
        },
        {
            content: "Print the handover certificate",
            trigger: '.o_statusbar_buttons button:contains("Imprimer l\'attestation")',
            run: "click",
        },
        {
            content: "The form stays open without error",
            trigger:
                ".o_form_view:not(:has(.o_error_dialog)) .o_field_widget[name=state]",
        },
    ],
});
