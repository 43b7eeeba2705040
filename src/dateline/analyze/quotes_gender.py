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
    aaron abdul abdullah abe abraham adam adrian ahmad ahmed al alan albert alberto alejandro alex alexander alexei
    alfred ali alistair allen alvin amir anders andre andres andrew andriy andy angus anthony anton antonio antony
    archie arnold arthur asa ashraf barack barry bart ben benjamin benny bernard bernie beto bill billy bob bobby
    boris brad bradley brandon brendan brent brett brian bruce bryan byron calvin carl carlos cecil cedric chad
    charles charlie chip chris christian christoph christopher chuck clarence claude clay clayton cliff clifford
    clint cody colin conor cory craig curt curtis dale dan daniel danny darrell darren dave david dean denis dennis
    denys derek devin dick diego dmitry dmytro don donald doug douglas duane duncan dwayne dwight earl ed eddie
    edgar eduardo edward edwin elijah elliott elon emmanuel emmet enrique eric erik ernest ernie ethan eugene evan
    felipe fernando francis francisco frank franklin fred freddie frederick gabriel gareth gary gavin gene geoff
    geoffrey george gerald gerard gilbert glenn gonzalo gordon graham grant greg gregory gus gustavo guy hakeem
    hamid hank hans harold harry harvey hassan hector henry herbert herman horace howard hugh hugo hunter ian
    ibrahim igor isaac ivan jack jacob jaime jair jake james jared jason javier jay jean-claude jeb jeff jeffrey
    jens jeremy jerome jerry jesse jim jimmy joaquin joe joel joey johan john johnny jon jonathan jorge jose josep
    joseph josh joshua juan julian justin karl keir keith ken kenneth kevin kirk kurt kyle kyrylo lamar lance larry
    lars lawrence leon leonard leroy lloyd lorenzo louis lucas luis luiz luke lyndon malcolm manuel marco marcus
    mario mark martin marvin matt matthew maurice max michael miguel mike mikhail milton mitch mitchell mitt mohamed
    mohammad mohammed muhammad murray naftali narendra nathan nayib neil nelson newt nicholas nick nicolas nigel
    noah norman olaf oleg oleksii oleksiy oliver omar orrin oscar otto owen pablo patrick paul pedro pete peter
    petro phil philip phillip pierre rafael ralph ramon randall randy raul ray raymond recep reggie reginald reince
    rex ricardo rich richard rick ricky rishi rob robert roberto rod rodney roger roland ron ronald ronnie ross roy
    rudolph rudy rupert russ russell ryan salman sam samuel scott sean sergei sergey seth shawn sheldon sherrod
    simon stan stanley stefan stephen steve steven stewart stuart ted terrence thad theodore thomas tim timothy todd
    tom tommy tony travis trent trey troy tyler victor vincent vitali vitaliy vivek vladimir volodymyr wade walter
    warren wayne wesley will william willie winston xi yair yevgeny yuri zachary
    """
)
FEMININE_NAMES = _words(
    """
    abigail ada adriana agnes aisha alexandra alexandria alice alicia alison allison amanda amber amelia amy ana
    anastasia andrea angela angelina angie anita ann anna anne annette annie april arianna audrey ayanna barbara
    beatrice becky betsy betty beverly bonnie brenda bridget brittany camila candace carla carly carmen carol
    caroline carolyn catherine cathy cecilia charlotte chelsea cheryl christina christine cindy claire clara claudia
    colleen connie constance cynthia daisy danielle daphne darlene dawn debbie deborah debra denise diana diane
    dianne dolores donna doris dorothy edith eileen elaine eleanor elena elisabeth elise elizabeth ella ellen emily
    emma erica erin esther ethel eva eve evelyn faith fatima fiona florence frances gabriela gail geraldine gina
    ginger giorgia gladys gloria grace gretchen gwen hannah harriet hazel heather heidi helen helena hillary hope
    ida ileana ilhan irene iris iryna isabel isabella ivanka jacinda jacqueline jane janet janice jasmine jeanne
    jennifer jenny jessica jill joan joanna joanne jodi josephine joy joyce judith judy julia julie juliet june
    kamala karen kari karine kate katherine kathleen kathryn kathy katie katrina kay kayleigh kellyanne ketanji
    kirsten kristen kristi kristin kyrsten laura lauren leah lena lily linda lisa liz loretta lori lorraine louise
    lucy ludmila lydia madeleine madeline maggie marcia margaret margarita maria marianne marie marilyn marina
    marjorie marsha martha mary maryam maureen maxine mazie megan megyn melania melanie melinda melissa mia michele
    michelle mildred mindy miriam molly monica nadia nancy naomi natalia natalie natasha nicole nikki nina nora
    norma oksana olena olga olivia pamela patricia patsy paula pauline peggy penny phyllis pramila priscilla rachel
    rashida rebecca regina renee rita roberta rosa rosalind rose rosemary ruth sabrina sally samantha sandra sanna
    sara sarah sharon sheila shirley sonia sophia sophie stacey stephanie sue susan susana suzanne svetlana sylvia
    tamara tammy tanya tatiana teresa theresa tiffany tina tracy tulsi ursula valerie vanessa vera veronica victoria
    virginia vivian wanda wendy whitney yolanda yulia yvonne zoe
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
