from . import inclusion_insertion_report
