from . import inclusion_exit_wizard
