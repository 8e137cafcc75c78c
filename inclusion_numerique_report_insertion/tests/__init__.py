from . import test_insertion_figures
from . import test_insertion_dialogue
