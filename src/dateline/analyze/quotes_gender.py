"""First names that tell a person's gender, so "she said" is not resolved to a man named just before.

A written list, not a learned one: it holds common given names of English-language news (and of the
politicians, officials and people abroad it quotes) whose gender is clear in most uses. Names given to
both men and women ("Pat", "Jordan", "Kelly", "Robin") are left out on purpose: an unknown gender keeps
a person possible, a wrong one rules them out. ``first_name_gender`` costs one dictionary look-up.
"""

from __future__ import annotations

from dateline.analyze.entities_lexicon import fold


def _words(text: str) -> frozenset[str]:
    """Return the words of a block of text: a long list of names reads best as a paragraph."""
    return frozenset(text.split())


MASCULINE_NAMES = _words(
    """
    aaron abdul abdullah abe abraham adam adrian ahmad ahmed al alan albert alberto alejandro alex alexander
    alexei alfred ali alistair allen alvin amir anders andre andrew andy angus anthony antonio antony anton
    archie arnold arthur ashraf barack barry bart ben benjamin benny bernard bernie bill billy bob bobby boris
    brad bradley brandon brendan brent brett brian bruce bryan byron calvin carl carlos cecil cedric chad
    charles charlie chip chris christian christoph christopher chuck clarence claude clay clayton cliff
    clifford clint cody colin conor craig curt curtis dale dan daniel danny darrell darren dave david
    dean dennis denis derek devin dick diego dmitry dmytro don donald doug douglas duane duncan dwayne dwight
    earl ed eddie edgar eduardo edward edwin elijah elliott elon emmanuel emmet enrique eric erik ernest ernie
    ethan eugene evan felipe fernando francis francisco frank franklin fred freddie frederick gabriel gareth
    gary gavin gene geoff geoffrey george gerald gerard gilbert glenn gordon graham grant greg gregory gus guy
    hakeem hamid hank hans harold harry harvey hassan hector henry herbert herman horace howard hugh hugo
    ian ibrahim igor isaac ivan jack jacob jaime jake james jared jason javier jay jean-claude
    jeb jeff jeffrey jeremy jerome jerry jesse jim jimmy joaquin joe joel joey johan john johnny jon jonathan
    jorge jose joseph josh joshua juan julian justin karl keith ken kenneth kevin kirk kurt kyle lamar lance
    larry lars lawrence leon leonard leroy lloyd lorenzo louis lucas luis luke lyndon malcolm
    manuel marco marcus mario mark martin marvin matt matthew maurice max michael miguel mike mikhail milton
    mitch mitchell mitt mohamed mohammad mohammed muhammad murray nathan neil nelson newt nicholas nick nicolas
    nigel noah norman oleg oliver omar orrin oscar otto owen pablo patrick paul pedro pete peter phil philip
    phillip pierre rafael ralph ramon randall randy raul ray raymond reggie reginald reince rex ricardo rich
    richard rick ricky rob robert roberto rod rodney roger roland ron ronald ronnie ross roy rudy rudolph
    rupert russ russell ryan salman sam samuel scott sean sergei sergey seth shawn sheldon sherrod simon
    stan stanley stefan stephen steve steven stewart stuart ted terrence thad theodore thomas tim timothy
    todd tom tommy tony travis trent trey troy tyler victor vincent vladimir volodymyr wade walter warren
    wayne wesley will william willie winston xi yuri zachary
    """
)
FEMININE_NAMES = _words(
    """
    abigail ada adriana agnes aisha alexandra alice alicia alison allison amanda amber amelia amy ana anastasia
    andrea angela angelina angie anita ann anna anne annette annie april arianna audrey barbara beatrice becky
    betsy betty beverly bonnie brenda bridget brittany camila candace carla carly carmen carol caroline carolyn
    catherine cathy cecilia charlotte chelsea cheryl christina christine cindy claire clara claudia colleen
    connie constance cynthia daisy danielle daphne darlene dawn debbie deborah debra denise diana diane
    dianne dolores donna doris dorothy edith eileen elaine eleanor elena elise elizabeth ella ellen elisabeth
    emily emma erica erin esther ethel eva eve evelyn faith fatima fiona florence frances
    gabriela gail geraldine gina ginger gladys gloria grace gretchen gwen hannah harriet hazel heather heidi
    helen helena hillary hope ida ileana irene iris isabel isabella ivanka jacqueline jane janet janice
    jasmine jeanne jennifer jenny jessica jill joan joanna joanne jodi josephine joy joyce judith judy
    julia julie juliet june karen kate katherine kathleen kathryn kathy katie katrina kay kayleigh kellyanne
    kirsten kristen kristin laura lauren leah lena lily linda lisa liz loretta lori lorraine louise lucy
    lydia madeleine madeline maggie marcia margaret margarita maria marianne marie marilyn marina
    marjorie marsha martha mary maureen maxine megan megyn melania melanie melinda melissa mia michele michelle
    mildred mindy miriam molly monica nadia nancy naomi natalie natasha nicole nikki nina nora norma olga
    olivia pamela patricia patsy paula pauline peggy penny phyllis priscilla rachel rebecca regina renee rita
    roberta rosa rosalind rose rosemary ruth sabrina sally samantha sandra sara sarah sharon sheila shirley
    sophia sophie stacey stephanie sue susan susana suzanne sylvia tamara tammy tanya teresa theresa tiffany
    tina tracy ursula valerie vanessa vera veronica victoria virginia vivian wanda wendy whitney yolanda
    yulia yvonne zoe
    """
)
FIRST_NAME_GENDER = {name: "m" for name in MASCULINE_NAMES} | {name: "f" for name in FEMININE_NAMES}


def first_name_gender(name: str) -> str | None:
    """Return "m" or "f" for a person's name whose first word is a known given name, else None."""
    words = name.split()
    if len(words) < 2:
        # a lone word is a surname as often as a given name ("Clinton", "Warren"): it tells nothing
        return None
    return FIRST_NAME_GENDER.get(fold(words[0]).rstrip("."))


ROLE_NOUN_GENDER = {
    word: gender
    for gender, words in (
        (
            "f",
            "widow wife mother daughter sister grandmother aunt niece woman girl lady congresswoman spokeswoman "
            "chairwoman businesswoman councilwoman actress queen princess duchess countess",
        ),
        (
            "m",
            "widower husband father son brother grandfather uncle nephew man boy congressman spokesman chairman "
            "businessman councilman actor king prince duke count",
        ),
    )
    for word in words.split()
}
"""Nouns that tell the gender of the person they name ("9/11 widow Terry Strada", "his father, Rafael Cruz"):
surer than a first name given to both ("Terry")."""
