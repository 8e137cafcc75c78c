from . import inclusion_activity_figures
from . import inclusion_insertion_dialogue_figures
