#!/usr/bin/env python3
"""Writes a story of 40 short dispatches on the default brief's subject
(Russia's bases in Syria after December 2024) as JSON Lines, for screenshots
and benchmarks of stories. The texts are this project's own: made from the
templates below, dated across 2025, one to three outlets a month.

    python3 tools/story/syria_story.py > /tmp/syria-story.jsonl
    geobrief collect --jsonl /tmp/syria-story.jsonl -o /tmp/syria-story.json --title "Russia's bases in Syria"

`--repeat N` writes the 40 articles N times with new ids (a story of 40×N
articles for the benchmarks of BENCHMARKS.md)."""

import json
import sys

OUTLETS = ["HAN News Desk", "Levant Wire", "Coastal Monitor", "Eastern Desk", "Gulf Ledger"]

# (month, day, headline, dateline, body) — each body names its places.
DISPATCHES = [
    (1, 6, "Convoys gather near Qamishli", "QAMISHLI, Syria",
     "Russian military vehicles gathered at the airport in Qamishli as officials in Damascus weighed the future of the foreign bases. Residents of Hasakah said trucks moved west toward Raqqa."),
    (1, 14, "Ships wait off Tartus", "TARTUS, Syria",
     "Two Russian cargo ships waited off Tartus for a second week. Port workers said the naval facility was quieter than at any time since 2017, and that cranes stood idle along the Mediterranean coast."),
    (1, 21, "Flights from Hmeimim to Benghazi", "LATAKIA, Syria",
     "Transport aircraft left the Hmeimim air base near Latakia for Benghazi in eastern Libya, according to flight trackers. Analysts in Moscow said the flights carried equipment, not troops."),
    (1, 28, "Interim president in Moscow", "MOSCOW",
     "Syria's interim president met officials in Moscow for talks on the bases at Tartus and Hmeimim. The Kremlin said the talks would continue in Damascus."),
    (2, 3, "Withdrawal from Kobani", "KOBANI, Syria",
     "Russian forces withdrew from a position outside Kobani, handing the post to local forces. Convoys were seen on the highway to Manbij and Aleppo."),
    (2, 10, "Talks in Damascus", "DAMASCUS",
     "A Russian delegation arrived in Damascus to discuss the naval facility at Tartus. Syrian officials said any agreement would respect the country's sovereignty."),
    (2, 17, "Oil tankers turn back", "BANIYAS, Syria",
     "Two tankers bound for Baniyas turned back toward the Black Sea, shipping data showed, as the refinery's supplies ran low."),
    (2, 24, "Aid convoy reaches Homs", "HOMS, Syria",
     "An aid convoy from Beirut reached Homs after crossing at Jdeidet Yabous. The United Nations said more trucks would follow from Damascus."),
    (3, 3, "Port Sudan talks resume", "PORT SUDAN, Sudan",
     "Russian and Sudanese officials resumed talks on a naval supply point at Port Sudan on the Red Sea, seen as an alternative to Tartus."),
    (3, 10, "Equipment moved to Tobruk", "TOBRUK, Libya",
     "Air defence equipment from Hmeimim was unloaded at Tobruk, according to satellite images. Officials in Benghazi declined to comment."),
    (3, 17, "Fighting near Deir ez-Zor", "DEIR EZ-ZOR, Syria",
     "Clashes near Deir ez-Zor forced families to flee toward Raqqa. Russian aircraft from Hmeimim were not seen over the Euphrates."),
    (3, 24, "Ankara watches the coast", "ANKARA",
     "Turkish officials in Ankara said they were watching the Russian withdrawal from northeastern Syria closely, with patrols near the border at Qamishli."),
    (4, 2, "Tartus agreement drafted", "DAMASCUS",
     "A draft agreement on the Tartus naval facility circulated in Damascus. Diplomats in Moscow said the lease could be shortened."),
    (4, 9, "Latakia port reopens", "LATAKIA, Syria",
     "The commercial port of Latakia reopened to ships from Mersin and Alexandria after repairs. The Hmeimim air base nearby remained in use."),
    (4, 16, "Refugees return to Idlib", "IDLIB, Syria",
     "Thousands returned to Idlib from camps near the Turkish border. Aid groups in Gaziantep said shelters in Aleppo were full."),
    (4, 23, "Moscow names envoy", "MOSCOW",
     "The Kremlin named a new envoy for Syria, who will travel to Damascus and Beirut next month."),
    (5, 5, "Warships leave the Mediterranean", "ISTANBUL",
     "Two Russian warships sailed through the Bosporus at Istanbul toward the Black Sea, leaving the Mediterranean for the first time this year."),
    (5, 12, "Hmeimim runway repaired", "JABLEH, Syria",
     "Contractors repaired the runway at Hmeimim, near Jableh, residents said. Flights to Moscow continued twice a week."),
    (5, 19, "Raqqa council meets", "RAQQA, Syria",
     "The local council in Raqqa met officials from Damascus for the first time, discussing the bridges over the Euphrates and the road to Deir ez-Zor."),
    (5, 26, "Cyprus monitors flights", "NICOSIA, Cyprus",
     "Cypriot officials in Nicosia said military flights between Hmeimim and Libya had dropped by half since March."),
    (6, 2, "Tartus lease shortened", "DAMASCUS",
     "Syria and Russia agreed to shorten the lease of the Tartus naval facility, officials in Damascus said. The Hmeimim air base was not part of the agreement."),
    (6, 9, "Grain ships reach Tartus", "TARTUS, Syria",
     "Grain ships from Novorossiysk reached Tartus, the first civilian cargo under the new agreement."),
    (6, 16, "Benghazi base expands", "BENGHAZI, Libya",
     "Satellite images showed new hangars at an air base south of Benghazi, as Russian aircraft moved from Syria to Libya."),
    (6, 23, "Manbij handed over", "MANBIJ, Syria",
     "Russian military police left Manbij, handing their headquarters to a joint force. Convoys headed for Aleppo and the coast."),
    (7, 7, "Summer heat strains Aleppo", "ALEPPO, Syria",
     "Power cuts in Aleppo lasted twenty hours a day as the heat rose. Engineers from Homs were sent to repair the grid."),
    (7, 14, "Talks in Riyadh", "RIYADH, Saudi Arabia",
     "Officials from Damascus met Saudi ministers in Riyadh to discuss reconstruction, including the ports of Latakia and Tartus."),
    (7, 21, "Qamishli airport civilian again", "QAMISHLI, Syria",
     "The airport in Qamishli reopened to civilian flights after the Russian departure. Flights to Damascus and Erbil were planned."),
    (7, 28, "Hmeimim flights to Moscow resume", "LATAKIA, Syria",
     "Passenger flights between Hmeimim and Moscow resumed for Russian personnel, weeks after a pause."),
    (8, 4, "Naval exercise off Cyprus", "LIMASSOL, Cyprus",
     "A naval exercise south of Cyprus drew ships from Greece and Egypt. Russian ships from Tartus stayed in port."),
    (8, 18, "Damascus budget for ports", "DAMASCUS",
     "The government in Damascus set aside funds to modernise the ports of Tartus and Latakia and the road to Homs."),
    (8, 25, "Palmyra road reopened", "PALMYRA, Syria",
     "The road from Homs to Palmyra reopened after mines were cleared. Travellers said checkpoints near Deir ez-Zor were fewer."),
    (9, 8, "Moscow revises deal", "MOSCOW",
     "Officials in Moscow said the Tartus agreement would be revised again, with Russia keeping a smaller presence at Hmeimim."),
    (9, 15, "Kurdish talks in Hasakah", "HASAKAH, Syria",
     "Talks in Hasakah between Kurdish leaders and officials from Damascus covered the oil fields near Deir ez-Zor and the border with Iraq."),
    (9, 29, "Beirut port link", "BEIRUT",
     "Lebanese officials in Beirut proposed a rail link to Homs and Tartus, part of plans to rebuild trade along the coast."),
    (10, 13, "Tartus sees last rotation", "TARTUS, Syria",
     "The last rotation of Russian sailors arrived in Tartus under the old terms. Residents said the port felt emptier than ever."),
    (10, 27, "Libya flights continue", "BENGHAZI, Libya",
     "Flights from Hmeimim to Benghazi continued weekly. Officials in Tripoli protested to Moscow."),
    (11, 10, "Aleppo airport expands", "ALEPPO, Syria",
     "Aleppo's airport added flights to Istanbul and Amman, the first regular routes in years."),
    (11, 24, "Hmeimim future debated", "DAMASCUS",
     "Lawmakers in Damascus debated the future of the Hmeimim air base near Latakia, a year after the change of government."),
    (12, 8, "A year since the fall", "DAMASCUS",
     "A year after Bashar Assad fled to Moscow, crowds gathered in Damascus, Homs and Aleppo. Russia's bases at Tartus and Hmeimim remained, smaller and quieter."),
    (12, 15, "Ships return to Tartus", "TARTUS, Syria",
     "Two Russian supply ships returned to Tartus under the revised agreement, the first since June."),
]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def main():
    repeat = 1
    if len(sys.argv) == 3 and sys.argv[1] == "--repeat":
        repeat = int(sys.argv[2])
    for r in range(repeat):
        for i, (month, day, headline, dateline, body) in enumerate(DISPATCHES):
            n = r * len(DISPATCHES) + i + 1
            outlet = OUTLETS[(i * 3 + month) % len(OUTLETS)]
            text = f"{dateline}, {MONTHS[month - 1]} {day}, 2025 — {body}"
            print(json.dumps({
                "id": f"d{n}",
                "title": headline,
                "date": f"2025-{month:02d}-{day:02d}",
                "source": outlet,
                "text": text,
            }, ensure_ascii=False))


if __name__ == "__main__":
    main()
