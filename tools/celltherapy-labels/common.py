"""Shared helpers: where the data set is, and which fields a label may quote."""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
# The shared folder (holding data/) is TRIALDEX_SHARED, else ../shared above the repository.
SHARED = os.environ.get("TRIALDEX_SHARED") or os.path.join(os.path.dirname(REPO), "shared")
DATA = os.path.join(SHARED, "data", "msc-trials-2022", "msc_studyfields_2022-10.jsonl")

# The fields issue #11 reads, in reading order.
FIELDS = ["BriefTitle", "OfficialTitle", "Acronym", "StudyType", "Condition",
          "InterventionType", "InterventionName", "InterventionOtherName",
          "InterventionDescription", "ArmGroupLabel", "ArmGroupDescription",
          "BriefSummary", "DetailedDescription", "Keyword"]


def load(path=DATA):
    """Returns {nctId: record} for the whole data set."""
    records = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                records[r["NCTId"][0]] = r
    return records
