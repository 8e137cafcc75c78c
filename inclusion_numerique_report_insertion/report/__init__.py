from . import report_insertion_dialogue
from . import report_insertion_dialogue_xlsx
