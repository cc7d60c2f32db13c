#!/usr/bin/env python3
"""Writes synthetic articles as JSONL for the service benchmark (stdout).

Each article states ten events (appointments and resignations) of ten different people;
2,000 people (40 first names x 50 surnames) each get 25 appointments and 25 resignations
a year apart, so nothing merges: ARTICLES x 10 events in the timeline (100,000 by default).
"""
import json
import sys

FIRST = """anna bruno carla diego elena fabio giulia hugo irene karin luca marta oscar paula
rita sofia adam alan albert alice amanda andrea brian carlos daniel david emma eric frank
george helen isabel james julia kevin laura maria peter robert sarah""".split()
LAST = """Abbott Barker Calloway Dunmore Eskridge Fairweather Galloway Hollister Ingram Jessop
Kimball Lockwood Merriman Northcott Osgood Pemberton Quimby Radcliffe Stanhope Thorne
Underhill Vance Whitlock Yardley Ashcombe Blackwood Cranston Dalrymple Ellsworth Fenwick
Gresham Hartigan Ibbotson Jardine Kingsley Lathrop Montague Nettleton Ormsby Prescott
Rathbone Sheffield Tillman Upshaw Verney Wetherby Ashdown Bellamy Chadwick Drummond""".split()
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
COMPANIES = ["Acme", "Initech", "Globex", "Umbrella", "Hooli", "Vandelay", "Stark", "Wayne"]
PEOPLE = [f"{f.capitalize()} {l}" for l in LAST for f in FIRST]
assert len(PEOPLE) == 2000, len(PEOPLE)


def events():
    """(kind, person, year, month, day) for every event, interleaved across people."""
    for j in range(25):
        for k, kind in enumerate(("appointment", "resignation")):
            for p, person in enumerate(PEOPLE):
                yield kind, person, 1975 + j, 1 + (p + 6 * k) % 12, 1 + p % 28


def sentence(kind, person, year, month, day, n):
    company = COMPANIES[n % len(COMPANIES)]
    date = f"{MONTHS[month - 1]} {day}, {year}"
    if kind == "appointment":
        return f"{company} appointed {person} as CEO on {date}."
    return f"{person} resigned as CFO of {company} on {date}."


def main():
    articles = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    batch = []
    n = 0
    for ev in events():
        if n // 10 >= articles:
            break
        batch.append(sentence(*ev, n))
        n += 1
        if len(batch) == 10:
            i = n // 10
            text = f"Business briefing {i}\n\n" + "\n\n".join(batch) + "\n"
            print(json.dumps({"text": text, "published": "2024-09-27", "lang": "en",
                              "title": f"Business briefing {i}"}))
            batch = []


if __name__ == "__main__":
    main()
