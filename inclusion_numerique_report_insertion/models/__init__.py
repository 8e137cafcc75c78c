from . import inclusion_activity_figures
