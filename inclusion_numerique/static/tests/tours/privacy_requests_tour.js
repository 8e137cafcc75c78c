import {registry} from "@web/core/registry";

// A manager answers a request of access, then a request of erasure, from the person's file.
registry.category("web_tour.tours").add("inclusion_numerique_privacy_requests", {
    steps: () => [
        {
            content: "The person's file is open",
            trigger: '.o_breadcrumb:contains("Jeanne Petit")',
        },
        {
            content: "Answer the access request: export the personal data",
            trigger: 'button[name="action_export_personal_data"]',
            run: "click",
        },
        {
            content: "The PDF is ready to hand over",
            trigger: '.modal .o_field_widget[name="pdf_file"]:contains(".pdf")',
        },
        {
            content: "The JSON file too",
            trigger: '.modal .o_field_widget[name="json_file"]:contains(".json")',
        },
        {
            content: "Close the export",
            trigger: '.modal .modal-footer button:contains("Fermer")',
            run: "click",
        },
        {
            content: "Answer the erasure request",
            trigger: 'button[name="action_anonymise"]',
            run: "click",
        },
        {
            content: "Confirm: the erasure is for good",
            trigger:
                '.modal:contains("effacés définitivement") .modal-footer .btn-primary',
            run: "click",
        },
        {
            content: "The file is anonymised",
            trigger: '.o_form_view .ribbon:contains("Anonymisé")',
        },
    ],
});
