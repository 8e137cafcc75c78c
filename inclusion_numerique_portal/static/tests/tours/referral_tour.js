import {registry} from "@web/core/registry";

const tours = registry.category("web_tour.tours");

tours.add("inclusion_numerique_portal_refer", {
    url: "/my/referrals/new",
    steps: () => [
        {
            content: "Name of the person",
            trigger: ".o_referral_form input[name=person_name]",
            run: "edit Awa Traoré",
        },
        {
            content: "Their phone",
            trigger: ".o_referral_form input[name=person_phone]",
            run: "edit 06 98 76 54 32",
        },
        {
            content: "What they need",
            trigger: ".o_referral_form textarea#need",
            run: "edit Faire sa demande de retraite en ligne.",
        },
        {
            content: "A theme",
            trigger: '.o_referral_form label:contains("Santé")',
            run: "click",
        },
        {
            content: "The person agrees to be referred",
            trigger: ".o_referral_form #person_agreement",
            run: "click",
        },
        {
            content: "and to share the outcome",
            trigger: ".o_referral_form #sharing_agreed",
            run: "click",
        },
        {
            content: "Send the referral",
            trigger: ".o_referral_submit",
            run: "click",
        },
        {
            content: "The referral is received",
            trigger: '.o_referral_state:contains("Reçue")',
        },
    ],
});

tours.add("inclusion_numerique_portal_book", {
    url: "/odoo/action-inclusion_numerique_portal.inclusion_referral_action",
    steps: () => [
        {
            content: "Open the new referral",
            trigger: '.o_data_row td:contains("Awa Traoré")',
            run: "click",
        },
        {
            content: "Book an appointment",
            trigger: "button.o_referral_book",
            run: "click",
        },
        {
            content: "Look for a slot of the place",
            trigger: ".modal .o_field_widget[name=slot_id] input",
            run: "edit Salle du tour",
        },
        {
            content: "Take it",
            trigger: '.o-autocomplete--dropdown-item a:contains("Salle du tour")',
            run: "click",
        },
        {
            content: "Book",
            trigger: ".modal button[name=action_book]",
            run: "click",
        },
        {
            content: "The appointment is booked",
            trigger: "button[name=action_open_appointment]",
        },
    ],
});

// Once the appointment's time has come: its outcome can be told.
tours.add("inclusion_numerique_portal_record_visit", {
    steps: () => [
        {
            content: "Open the appointment",
            trigger: "button[name=action_open_appointment]",
            run: "click",
        },
        {
            content: "Autonomy reached",
            trigger: ".o_field_widget[name=autonomy] select",
            run: "selectByLabel Autonome avec guidage",
        },
        {
            content: "The person came",
            trigger: "button[name=action_mark_done]",
            run: "click",
        },
        {
            content: "The visit is recorded",
            trigger: '.o_statusbar_status .o_arrow_button_current:contains("Réalisé")',
        },
    ],
});

tours.add("inclusion_numerique_portal_outcome", {
    url: "/my/referrals",
    steps: () => [
        {
            content: "Open the referral",
            trigger: 'a:contains("Awa Traoré")',
            run: "click",
        },
        {
            content: "The person was seen",
            trigger: '.o_referral_state:contains("Accompagnée")',
        },
        {
            content: "The outcome is shared",
            trigger:
                '.o_referral_autonomy:contains("Autonome avec guidage en cas de besoin")',
        },
    ],
});
