from . import inclusion_appointment_report
