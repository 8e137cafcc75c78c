from . import inclusion_appointment_report
from . import inclusion_referral_report
