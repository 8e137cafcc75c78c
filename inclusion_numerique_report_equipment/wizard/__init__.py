from . import inclusion_dashboard
