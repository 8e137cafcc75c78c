import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("inclusion_numerique_insertion_exit", {
    steps: () => [
        {
            content: "Open the Insertion tab of the employee",
            trigger: '.o_notebook_headers a:contains("Insertion")',
            run: "click",
        },
        {
            content: "The running insertion contract is shown",
            trigger:
                '.o_field_widget[name="current_insertion_contract_id"]:contains("CDDI Jean Tourneur")',
        },
        {
            content: "Open the insertion contracts from the smart button",
            trigger:
                'button[name="action_open_insertion_contracts"]:contains("Contrats d\'insertion")',
            run: "click",
        },
        {
            content: "The list of the employee's insertion contracts is loaded",
            trigger: '.o_breadcrumb:contains("Contrats d\'insertion")',
        },
        {
            content: "Open the contract of the employee who leaves",
            trigger:
                '.o_list_renderer .o_data_row:contains("CDD d\'insertion") .o_data_cell[name="siae_kind"]',
            run: "click",
        },
        {
            content: "Record the exit",
            trigger:
                'button[name="action_open_exit_wizard"]:contains("Enregistrer la sortie")',
            run: "click",
        },
        {
            content: "Choose the exit reason",
            trigger: '.modal div[name="exit_reason_id"] input',
            run: "edit CDI",
        },
        {
            content: "Pick the permanent contract",
            trigger: '.o-autocomplete--dropdown-menu li a:contains("CDI")',
            run: "click",
        },
        {
            content: "The category is shown",
            trigger: '.modal div[name="exit_category"]:contains("Emploi durable")',
        },
        {
            content: "Describe the destination",
            trigger: '.modal div[name="exit_destination"] textarea',
            run: "edit CDI d'agent d'entretien chez Propreté 11",
        },
        {
            content: "Confirm the exit",
            trigger: '.modal button[name="action_confirm"]',
            run: "click",
        },
        {
            content: "The contract shows the exit",
            trigger: '.o_form_view .ribbon:contains("Sortie enregistrée")',
        },
    ],
});
