import {CalendarController} from "@web/views/calendar/calendar_controller";
import {calendarView} from "@web/views/calendar/calendar_view";
import {registry} from "@web/core/registry";

/** The appointments calendar with a "New" button, as the other views of the app have. */
export class SupportCalendarController extends CalendarController {
    onClickNew() {
        return this.editRecord({}, this.props.context);
    }
}

registry.category("views").add("inclusion_support_calendar", {
    ...calendarView,
    Controller: SupportCalendarController,
    buttonTemplate: "inclusion_numerique.SupportCalendarController.buttons",
});
