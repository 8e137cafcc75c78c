from . import test_insertion_figures
