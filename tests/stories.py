"""Five short news stories of three paragraphs each: the article text of the hand-made site
pages that the suggest tests learn packs from (one list, shared by those test modules)."""

STORIES = [
    ("The council voted on Monday to spend four million pounds on the crumbling harbour wall, which the storms damaged.",
     "Engineers said that the repairs must be finished before the first autumn gales, or the old stones could give way.",
     "The harbour master said that fishing boats would use the north quay while the work goes on through the winter."),
    ("From next month the central library will keep its reading rooms open until nine in the evening on weekdays.",
     "A survey of students found that most of them wanted somewhere quiet to work after their classes had finished.",
     "The library will also lend laptops to readers who need one, the city council announced in a statement on Friday."),
    ("Every plastic seat in the north stand of the stadium is cracked or faded after twenty summers in the sun.",
     "The club says that new seats will arrive in time for the first home game of the season in the middle of August.",
     "Supporters who bought a season ticket for the north stand will be offered a seat elsewhere until then, it said."),
    ("A late frost in April killed most of the blossom, so growers expect to pick barely half of last year's apples.",
     "Prices at the farmers' market are likely to rise, although cider makers say that they have enough fruit in store.",
     "The orchards on the south side of the valley were spared, because the frost settled in the low ground by the river."),
    ("Trains to the coast will leave twenty minutes earlier from December, which commuters fear will break their connections.",
     "The rail company said that the change was needed to make room for freight trains carrying stone from the quarry.",
     "Passengers can comment on the new timetable until the end of the month on the company's website or at stations."),
]
