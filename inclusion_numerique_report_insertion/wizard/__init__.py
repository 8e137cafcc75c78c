from . import inclusion_activity_report_wizard
