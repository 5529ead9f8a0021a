from kb.other_lines import OtherLine, other_line_of

CAR = OtherLine("车险", ("车险", "交强险"), ("意外险", "身故"))
HOME = OtherLine("财产险", ("家财险",))


def test_a_question_naming_another_line_and_no_life_product_is_that_lines() -> None:
    assert other_line_of(("车险理赔怎么报案",), (CAR, HOME)) is CAR
    assert other_line_of(("家里水管爆了家财险赔不赔",), (CAR, HOME)) is HOME


def test_a_life_product_beside_it_keeps_the_question_ours() -> None:
    assert other_line_of(("车险赔完了意外险还能赔吗",), (CAR,)) is None
    assert other_line_of(("开车出事身故了怎么理赔",), (CAR,)) is None


def test_any_reading_of_the_query_counts() -> None:
    """The query as typed and as read (traditional characters converted, spoken words rewritten)."""
    assert other_line_of(("車險怎麼報案", "车险怎么报案"), (CAR,)) is CAR
    assert other_line_of(("怎么报案",), (CAR, HOME)) is None
