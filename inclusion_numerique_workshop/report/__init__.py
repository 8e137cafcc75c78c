from . import inclusion_workshop_certificate
