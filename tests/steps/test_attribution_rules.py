"""Attribution beyond "said", speakers on real news, and the PolNeAR evaluation (issue 16)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from discourse.steps.quotes.attribution import attribute_quotes
from discourse.steps.quotes.evaluation import (
    evaluate_attribution,
    read_brat,
    same_speaker,
    summarise,
)
from discourse.steps.quotes.speakers import speaker_table

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "fnc1_speakers_checked.json"


def one(sentence: str) -> dict:
    """The row of a one-sentence article body."""
    frame = attribute_quotes("Excerpt\n\n" + sentence)
    return frame.iloc[1].to_dict()


# --------------------------------------------------------------------------- cues


@pytest.mark.parametrize(("sentence", "speaker", "quote_type"), [
    ("A bartender said she \u201cloved\u201d working for Trump.", "A bartender", "mixed"),
    ("Obama famously said that the deal was good.", "Obama", "indirect"),
    ("Europeans especially say the deal is bad.", "Europeans", "indirect"),
    ("Mr. Durham has denied wrongdoing, calling the reports \u201canonymous hearsay.\u201d",
     "Durham", "mixed"),
    ("Officials in the capital said the talks had failed.", "Officials in the capital",
     "indirect"),
    ("Environmental groups said the plan would fail.", "Environmental groups", "indirect"),
    ("Residents of border villages have complained about the noise.",
     "Residents of border villages", "indirect"),
    ("A senior diplomat warned that the talks could collapse.", "A senior diplomat",
     "indirect"),
    ("Cruz called Trump a \u201cpathological liar.\u201d", "Cruz", "mixed"),
    ("The senator accused the agency of hiding the report.", "The senator", "indirect"),
    ("Clinton is stressing that her plans will work.", "Clinton", "indirect"),
    ("Sen. David Perdue (R-Ga.) said he did not believe it.", "David Perdue", "indirect"),
    ("Experts on North Korea said the test could change that.", "Experts on North Korea",
     "indirect"),
    ("The Republican nominee outlined his plan and vowed to punish \u201cthose who leak.\u201d",
     "The Republican nominee", "mixed"),
])
def test_cues_and_subjects_beyond_said(sentence, speaker, quote_type):
    row = one(sentence)
    assert (row["speaker"], row["quote_type"]) == (speaker, quote_type)


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Trump wants a wall on the border.", "Trump"),
    ("Most voters believe the economy is improving.", "Most voters"),
    ("A new poll found that Clinton leads in Ohio.", "A new poll"),
    ("Hong Kong's residents have long felt that Beijing ignores them.", "Hong Kong's residents"),
])
def test_beliefs_intentions_and_polls_have_their_own_type(sentence, speaker):
    row = one(sentence)
    assert (row["quote_type"], row["speaker"]) == ("belief", speaker)


def test_a_belief_does_not_hide_speech_in_the_same_sentence():
    row = one("Clinton said voters want change.")
    assert (row["quote_type"], row["speaker"], row["reporting_verb"]) == (
        "indirect", "Clinton", "said")


@pytest.mark.parametrize("sentence", [
    "He found a job in Ohio.",  # "find" is a finding only with a document as subject
    "How will Disney explain it?",
    "Critical in both states is African American turnout.",
    "The minister added a clause to the bill.",
    "She asked for help.",
    "It is said that the talks failed.",
    "He paid a fee on top of the reported $170 million.",
    "Path is working on a feature called Place Messaging.",
    "The law says nothing about it.",
])
def test_no_attribution_where_nobody_speaks(sentence):
    row = one(sentence)
    assert row["quote_type"] == "none"
    assert row["speaker"] is None


def test_colon_attributions_headline_and_outlet():
    frame = attribute_quotes("Lavrov: Moscow ready to help\n\nHoward Kurtz, Fox News: "
                             "\u201cIt was a bad night.\u201d")
    assert frame["speaker"].tolist() == ["Lavrov", "Howard Kurtz"]
    assert frame["quote_type"].tolist() == ["indirect", "direct"]
    assert speaker_table(frame).set_index("speaker").loc["Howard Kurtz", "organisation"] == (
        "Fox News")


#: One-sentence articles and the speaker found (issue 16: cues, subjects, descriptions).
SPEAKERS = [
    # "as X had written", acronyms inside descriptions
    ("As the Hollywood columnist Louella Parsons had written, \u201cWe could not do without "
     "him.\u201d", "Louella Parsons"),
    ("\u201cIt was handled lightly,\u201d said a former U.S. law enforcement official who "
     "oversaw the case.", "A former U.S. law enforcement official"),
    # the main clause, not an opening subordinate one
    ("By the time those primaries concluded, 40 percent of Clinton voters said they could "
     "not support Obama.", "40 percent of Clinton voters"),
    # Title Case headlines, numbers, bare plurals after "according to"
    ("Trump Says He Never Pledged To Kill Family Members Of Terrorists", "Trump"),
    ("Now, 52 percent said Mr. Trump would be better.", "52 percent"),
    ("Mr. Sanders led among white men, according to exit polls.", "Exit polls"),
    ("The billionaire real estate magnate says a hit used to be a tackle.",
     "The billionaire real estate magnate"),
    # names at the end of an "according to" phrase; documents as modifiers
    ("According to conservative talk radio host Rush Limbaugh, the move reeks of "
     "\u201cfear.\u201d", "Rush Limbaugh"),
    ("In a Facebook message posted Friday, Cruz said he had \"areas of disagreement.\"",
     "Cruz"),
    # colon attributions after titles parentheses and dashes
    ('Rep. Trey Gowdy (R-S.C.):"I have not heard that figure."', "Trey Gowdy"),
    ("Former secretary of state Hillary Rodham Clinton: \u201cWe learned that.\u201d",
     "Hillary Rodham Clinton"),
    ("RED STATES OUTNUMBER BLUE STATES - Jeffrey M. Jones: \u201cThe count is new.\u201d",
     "Jeffrey M. Jones"),
    # common noun speakers after a quotation
    ("\u201cIt was awful,\u201d said one of two witnesses who relayed the story.",
     "One of two witnesses"),
    ("\u201cIt was awful,\u201d said one Republican involved in the talks.", "One Republican"),
    ("\u201cIt was awful,\u201d said a person close to the Clintons.", "A person"),
    ("\u201cIt has gone the other way,\u201d said the former top aide to President George W. "
     "Bush.", "The former top aide to President George W. Bush"),
    ("\u201cAre we talking about the same woman?\u201d the editorial board writes.",
     "The editorial board"),
    ("\u201cIt was awful,\u201d said the senator.", "The senator"),
    # put it reads and quotations inside quotations
    ("As Ms. Simonyan put it in a statement in July, RT is \u201cproviding a perspective.\u201d",
     "Simonyan"),
    ("\u201cWe see charter schools offering hope,\u201d the letter reads.", "The letter"),
    ("\u201cI\u2019d rather live in what he calls \u201chell\u201d than with him.\u201d "
     "\u2015 Adriana Rodarte", "Adriana Rodarte"),
    # the subject of a clause before a participle
    ("Carly Fiorina threw her support behind Ted Cruz, saying it is time for a "
     "\u201creal conservative.\u201d", "Carly Fiorina"),
    ("Donald Trump on Thursday ratcheted up his attacks on Rubio, saying he is "
     "\u201cweak.\u201d", "Donald Trump"),
    ("Here in Columbia, Sanders stepped up his emphasis on justice, saying, \u201cWe will "
     "win.\u201d", "Sanders"),
    # appositions descriptions and ages
    ("Senator Bob Corker, a Tennessee Republican who has met with Mr. Trump, said "
     "\u201cthere could be\u201d a line.", "Bob Corker"),
    ("Hemsley, the co-author of \"Going Viral,\" about the spread of news, said the days "
     "are gone.", "Hemsley"),
    ("Dean Johnson, a salesman from Sumter, South Carolina, says Cruz will \u201cwin.\u201d",
     "Dean Johnson"),
    ("Sanders, meanwhile, who sits at zero endorsements, said that fact speaks volumes.",
     "Sanders"),
    ("\u201cThey are wrong,\u201d said 9/11 widow Terry Strada.", "Terry Strada"),
    ("\"Watch this,\" said former tech executive Carly Fiorina during the debate.",
     "Carly Fiorina"),
    ("\u201cHe is a leader,\u201d said the 46-year-old.", "The 46-year-old"),
    ("\u201cIt was a joke,\u201d the billionaire business mogul told People.",
     "The billionaire business mogul"),
    # documents and state abbreviations
    ("\u201cHe was the only one reprimanded,\u201d the suit says.", "The suit"),
    ("\u201cThe court expresses no view,\u201d the unsigned opinion said.",
     "The unsigned opinion"),
    ("\u201cShe was not truthful,\u201d Cecelia Purner, 67, a retired clerk in Allentown, Pa., "
     "said.", "Cecelia Purner"),
    # names at the end of descriptions and colons after a clause
    ("\u201cHe is reprising that role,\u201d said former Pennsylvania Gov. and Democratic "
     "National Committee Chairman Ed Rendell.", "Ed Rendell"),
    ("\u201cHe pooh-poohed this,\u201d said Sen. Jim Whelan who represents Atlantic City.",
     "Jim Whelan"),
    ("\"There never was an order,\" said the base chief known as Bob, speaking publicly.",
     "Bob"),
    ("\u201cIt was awful,\u201d said a worker named Antonio Arroyo.", "Antonio Arroyo"),
    ("Clinton has since apologized for what happened: \"Yes, I should have used two "
     "addresses.\"", "Clinton"),
]


@pytest.mark.parametrize(("sentence", "speaker"), SPEAKERS)
def test_the_speaker_of_one_sentence(sentence, speaker):
    assert one(sentence)["speaker"] == speaker


def test_a_title_of_state_gives_the_name_that_holds_it():
    row = one("Secretary of State John Kerry said the talks would resume.")
    assert (row["speaker"], row["speaker_mention"]) == (
        "John Kerry", "Secretary of State John Kerry")


@pytest.mark.parametrize("name", ["Reed", "Kelly", "Earnest", "Manning"])
def test_names_with_common_endings_after_a_quotation(name):
    assert one(f"\u201cIt is over,\u201d {name} said.")["speaker"] == name


def test_a_name_with_a_common_ending_opening_its_sentence():
    text = ("Show\n\nThe host Sean Hannity met the candidate.\n\n"
            "Hannity interjected: \u201cSo there is flexibility?\u201d")
    assert attribute_quotes(text)["speaker"].tolist()[2] == "Sean Hannity"
    # Written in lower case elsewhere, the word is not taken for a name.
    text = ("Budget\n\nWe gave the Government the means. The government acts.\n\n"
            "Government spending must continue to fall.")
    assert attribute_quotes(text)["quote_type"].tolist()[-1] == "none"


@pytest.mark.parametrize(("sentence", "mention", "verb"), [
    ("He\u2019s claiming that voting fraud is \u201ca big problem.\u201d", "He", "claiming"),
    ("The ad uses footage of Hillary Clinton asking, \u201cWhy not?\u201d", "Hillary Clinton",
     "asking"),
    ("Jessica Ditto said via email that, \u201cOf course he will defend himself\u201d against "
     "what the campaign sees as an attack.", "Jessica Ditto", "said"),
])
def test_participles_and_speech_over_belief(sentence, mention, verb):
    row = one(sentence)
    assert (row["speaker_mention"], row["reporting_verb"]) == (mention, verb)


@pytest.mark.parametrize("sentence", [
    "He put it on the table.", "The teacher reads the letter.",
    "CNN Just Responded To Trump’s Massive Debate Demand In A Way That Could Cause Mayhem.",
    "The One Thing Both Sides Want: Break Up Banks.",
    "A book written by Smith was published.",
])
def test_put_it_reads_and_title_case_nouns_are_no_speech(sentence):
    assert one(sentence)["quote_type"] == "none"


@pytest.mark.parametrize("sentence", [
    "Bernie Sanders won the caucus, claiming his third victory in the contests.",
    "Donald Trump won in Virginia, adding to his victories in Massachusetts.",
])
def test_participles_that_report_no_speech(sentence):
    assert one(sentence)["quote_type"] == "none"


def test_a_contracted_pronoun_without_speech_is_no_attribution():
    assert one("It\u2019s raining in the capital.")["quote_type"] == "none"


def test_a_state_abbreviation_is_never_a_speaker():
    row = one("Jeffrey Salkin, a Hollywood, Fla., rabbi helping the boycott, said he was alarmed.")
    assert row["speaker"] != "Fla."


def test_a_quotation_after_a_speech_and_a_belief_goes_to_the_speech():
    row = one("Mr. Trump is reckless, the vice president said, that if his son had planned to "
              "enlist, \u201cI would have stopped him.\u201d")
    assert row["speaker"] == "The vice president"


@pytest.mark.parametrize(("opening", "subject"), [
    ("At a campaign event in Ohio, Dana Johnson railed against the plan.", "Dana Johnson"),
    ("Tennis great Dana Johnson remembered the fight.", "Dana Johnson"),
])
def test_a_pronoun_goes_to_the_subject_after_an_introduction(opening, subject):
    text = f"Rally\n\n\u201cIt was close,\u201d Sam Lee said.\n\n{opening} He said it was fine."
    assert attribute_quotes(text)["speaker"].tolist()[-1] == subject


def test_it_and_they_go_to_the_subject_of_the_narration_just_before():
    text = ("Ads\n\nThe commission said the audio failed.\n\nThe city sent a letter Thursday. "
            "It says the campaign broke the law.\n\nShow insiders were interviewed. They said "
            "he rated contestants.")
    speakers = attribute_quotes(text)["speaker"].tolist()
    assert speakers[3] == "The city"
    assert speakers[5] == "Show insiders"


def test_he_goes_to_the_person_the_narration_just_introduced():
    text = ("Songs\n\n\u201cIt is pandering,\u201d Bryan Anderson said.\n\nThat worries "
            "Henry Crespo, president of the Florida caucus.\n\n\u201cNo one writes songs for "
            "her. Nobody,\u201d he said.")
    assert attribute_quotes(text)["speaker"].tolist()[-2:] == ["Henry Crespo", "Henry Crespo"]


#: Short articles and the speaker of their last sentence (pronouns, descriptions).
LAST_SPEAKERS = [
    # a belief inside reported speech does not take the next pronoun
    ("Convention\n\nPaul Manafort said that Donald Trump wanted to work with the party.\n\n"
     "\u201cHe gave us the mandate,\u201d he said.", "Paul Manafort"),
    # a name after a verb is not the subject
    ("Rally\n\n\u201cIt was close,\u201d Sam Lee said.\n\nHe told Deraa Al Watan magazine "
     "about it. \u201cIt is fine,\u201d he said.", "Sam Lee"),
    # an age used as a noun is the person last named
    ("Surgery\n\n\u201cIt was worth it,\u201d Jasmine Tridevil said.\n\nThe 21-year-old says "
     "she saved up for two years.", "Jasmine Tridevil"),
    # a pronoun goes to the person who opened the last sentence
    ("Hacker\n\n\u201cWe need him,\u201d his lawyer, Dana Quill, wrote to the court.\n\n"
     "Marcel Lazar had no formal training. He told the Times that he guessed passwords.",
     "Marcel Lazar"),
    # a pronoun is not the name later in its clause
    ("Rally\n\nSean Hannity asked about the wall. Donald Trump answered at length.\n\n"
     "\u201cIt will be tall,\u201d he told Hannity.", "Donald Trump"),
]


@pytest.mark.parametrize(("text", "speaker"), LAST_SPEAKERS)
def test_the_speaker_of_the_last_sentence(text, speaker):
    assert attribute_quotes(text)["speaker"].tolist()[-1] == speaker


def test_a_list_is_no_speaker():
    assert one("The list: \u201cone, two.\u201d")["speaker"] is None


def test_according_to_governs_before_a_short_tail():
    row = one("The teen asked the surgeons how it went, according to Fox News on Jan. 3.")
    assert row["speaker"] == "Fox News"


def test_a_common_noun_after_a_comma_is_an_object_not_a_speaker():
    row = one("The head of the PAC, Mike Murphy, praised the efforts of a donor to Rubio.")
    assert row["speaker"] != "The efforts"


def test_transcript_tags_and_paragraphs_announced_with_a_colon():
    text = ("Debate night\n\nMike Pence spoke first.\n\nPENCE: Well, the question is wrong. "
            "We know it.\n\nThe governor added:\n\nShe knows nothing. It is typical.")
    frame = attribute_quotes(text)
    assert frame["quote_type"].tolist()[2:] == ["direct", "direct", "indirect", "direct",
                                                "direct"]
    assert frame["speaker"].tolist()[2:4] == ["Mike Pence", "Mike Pence"]
    assert frame["speaker"].tolist()[5:] == ["The governor", "The governor"]


def test_transcript_tags_inside_a_quoted_passage():
    text = ("Debate\n\nMike Pence spoke with Chris Wallace.\n\n\"PENCE: Well, look, it is a "
            "show.\"\n\n\"WALLACE: But, Governor, I have got to ask you.\"\n\n"
            "\"BREAKING: The debate is over.\"")
    frame = attribute_quotes(text)
    assert frame["speaker_mention"].tolist()[2:4] == ["PENCE", "WALLACE"]
    assert frame["speaker"].iloc[2] == "Mike Pence"
    assert frame["speaker_mention"].iloc[4] is None or frame["speaker_mention"].isna().iloc[4]


def test_signed_quotations_and_typewriter_marks():
    frame = attribute_quotes("Voices\n\n\u201cI am ashamed. He is bad.\u201d \u2015 Jacklyn "
                             "Ashley\n\n''This isn't reform,'' said Douglas Holtz-Eakin. "
                             "''It's anti-reform.''")
    assert frame["speaker"].tolist()[1:] == ["Jacklyn Ashley", "Jacklyn Ashley",
                                             "Douglas Holtz-Eakin", "Douglas Holtz-Eakin"]
    assert set(frame["quote_type"].tolist()[1:]) == {"direct"}


def test_attribution_in_the_sentence_after_a_question_mark():
    frame = attribute_quotes("Hearing\n\n\u201cWhy is this not clear proof?\u201d Vitter "
                             "demanded.")
    assert frame["speaker"].tolist()[1:] == ["Vitter", "Vitter"]
    assert frame["quote_type"].iloc[1] == "direct"


# --------------------------------------------------------------------------- speakers


def test_never_a_name_inside_the_quoted_words():
    text = ("Talks\n\nThe minister spoke in Baku. \u201cSergey Lavrov and I agree,\u201d he said.")
    row = attribute_quotes(text).iloc[2]
    assert row["speaker"] != "Sergey Lavrov"
    assert row["speaker_mention"] == "he"


def test_pronoun_goes_to_the_nearest_speaker_outside_the_quotation():
    text = ("Budget\n\n\u201cIt is good,\u201d said Anna Petrova, a teacher. "
            "\u201cJohn Miller is wrong,\u201d she said.")
    assert attribute_quotes(text)["speaker"].tolist()[1:] == ["Anna Petrova", "Anna Petrova"]


def test_pronoun_goes_to_the_name_that_opens_its_sentence():
    text = ("Race\n\nJim Kasich ran. Former Rep. Chris Shays was for John Kasich while the "
            "governor ran, he said.")
    assert attribute_quotes(text)["speaker"].iloc[2] == "Chris Shays"


def test_roles_and_appositions_give_the_named_person():
    frame = attribute_quotes("Campaign\n\n\u201cWe are ready,\u201d said Clinton\u2019s "
                             "communications director, Jennifer Palmieri.")
    assert frame["speaker"].iloc[1] == "Jennifer Palmieri"
    info = speaker_table(frame).set_index("speaker").loc["Jennifer Palmieri"]
    assert info["role"].endswith("director")


def test_platforms_are_never_speakers():
    import pandas as pd

    frame = attribute_quotes("Night\n\nDonald Trump spoke late. \u201cSad!\u201d he tweeted. "
                             "Twitter said the account was real.")
    assert frame["quote_type"].iloc[1] == "none"
    assert frame["speaker"].iloc[2] == "Donald Trump"
    assert pd.isna(frame["speaker"].iloc[3])


def test_places_are_never_speakers():
    for sentence, speaker in [
        ("Colleen Clarke-Murphy of Heart\u2019s Desire, Newfoundland in Canada said it.",
         "Colleen Clarke-Murphy"),
        ("The massage therapist from Tampa, Florida, said her dream is big.",
         "The massage therapist from Tampa"),
        ("Johnnie Wilson, of Springfield, Va., said he had fought.", "Johnnie Wilson"),
        ("In Estonia, Obama vowed to \u201cdestroy\u201d the militants.", "Obama"),
    ]:
        assert one(sentence)["speaker"] == speaker
    text = "Crab\n\nThe artist lives on Station Road. He said: \u201cIt is fake.\u201d"
    assert attribute_quotes(text)["speaker"].iloc[2] != "Station Road"


def test_credit_lines_are_not_attributions():
    frame = attribute_quotes("Storm\n\nThe storm hit the coast.\n\nJane Doe reported from "
                             "New York.")
    assert frame["speaker"].iloc[2] in (None, "Jane Doe")
    assert frame["quote_type"].iloc[1] == "none"


# --------------------------------------------------------------------------- FNC-1 check


def test_hand_checked_fnc1_cases():
    fixture = json.loads(FIXTURE.read_text(encoding="utf-8"))
    assert fixture["summary"]["junk_rate"] <= 0.01
    for case in fixture["cases"]:
        assert one(case["excerpt"])["speaker"] == case["speaker"], case["why"]
    for case in fixture["not_speakers"]:
        row = one(case["excerpt"])
        assert row["quote_type"] == "none" and row["speaker"] is None, case["why"]


# --------------------------------------------------------------------------- evaluation

ARTICLE = ("Talks fail\n\nThe talks failed, Lavrov said. \u201cWe tried,\u201d he added. "
           "The weather was fine. Officials believe the deal is dead.\n")


def write_polnear(tmp_path: Path) -> Path:
    folder = tmp_path / "dev"
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    (folder / "text" / "a.txt").write_text(ARTICLE, encoding="utf-8")

    def span(phrase: str, after: str = "") -> str:
        a = ARTICLE.index(phrase, ARTICLE.index(after) if after else 0)
        return f"{a} {a + len(phrase)}"

    ann = "\n".join([
        f"T1\tSource {span('Lavrov')}\tLavrov", f"T2\tCue {span('said')}\tsaid",
        f"T3\tContent {span('The talks failed')}\tThe talks failed",
        "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3",
        f"T4\tSource {span('he', 'he added')}\the", f"T5\tCue {span('added')}\tadded",
        f"T6\tContent {span('We tried,')}\tWe tried,",
        "E2\tAttribution:T5 Source:T4 Cue:T5 Content:T6",
        f"T7\tSource {span('Officials')}\tOfficials", f"T8\tCue {span('believe')}\tbelieve",
        f"T9\tContent {span('the deal is dead')}\tthe deal is dead",
        "E3\tAttribution:T8 Source:T7 Cue:T8 Content:T9", "",
    ])
    (folder / "attributions" / "a_x1.ann").write_text(ann, encoding="utf-8")
    return folder


def test_read_brat_spans_and_texts(tmp_path):
    folder = write_polnear(tmp_path)
    atts, aside = read_brat(folder / "attributions" / "a_x1.ann", ARTICLE)
    assert [a.source_text for a in atts] == ["Lavrov", "he", "Officials"]
    assert [a.cue_text for a in atts] == ["said", "added", "believe"]
    assert aside == []


def test_evaluate_attribution_figures(tmp_path):
    figures = evaluate_attribution(write_polnear(tmp_path))
    assert figures["articles"] == 1
    assert figures["gold_sentences"] == 3
    assert figures["recall"] == pytest.approx(1.0)
    assert figures["recall_speech_cue"] == pytest.approx(1.0)
    assert figures["n_recall_speech_cue"] == 2
    assert figures["precision"] == pytest.approx(1.0)
    assert figures["speaker_accuracy"] == pytest.approx(1.0)
    assert figures["n_speaker_pronoun"] == 1
    assert figures["recall_by_type"]["belief"] == pytest.approx(1 / 3, abs=1e-3)


def test_summarise_counts_misses_and_false_alarms(tmp_path):
    import pandas as pd

    frame = pd.DataFrame({
        "article": ["a"] * 4, "gold": [True, True, False, False],
        "speech_cue": [True, False, False, False], "direct": [False, False, False, False],
        "any_gold": [True, True, False, False], "aside": [False] * 4,
        "quote_type": ["indirect", "none", "indirect", "none"],
        "correct_speaker": [False, None, None, None], "gold_pronoun": [False] * 4,
    })
    figures = summarise(frame)
    assert figures["recall"] == pytest.approx(0.5)
    assert figures["precision"] == pytest.approx(0.5)
    assert figures["speaker_accuracy"] == pytest.approx(0.0)


def test_evaluate_attribution_needs_a_polnear_folder(tmp_path):
    from discourse.errors import InputNotFoundError

    with pytest.raises(InputNotFoundError, match="text/ and attributions/"):
        evaluate_attribution(tmp_path)


def test_same_speaker_matches_heads_not_any_word():
    assert same_speaker("Tim Kaine", "Clinton\u2019s running mate, Tim Kaine", None)
    assert not same_speaker("Hillary Clinton", "Clinton\u2019s running mate, Tim Kaine", None)
    assert same_speaker("Voters", "A majority of voters", None)
    assert same_speaker("Barack Obama", "the president", "the president")
    assert not same_speaker(None, "Obama", None)
