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


VEHICLE = OtherLine("车险", ("车险",), ("意外险",), ("车", "车子"))
TRIP = OtherLine("旅行险", ("延误险",), ("意外险",), ("旅行", "行李"))


def test_an_insurance_named_by_what_it_insures_is_that_lines() -> None:
    """search54b: customers say 我那辆货车的保险 or 旅行保险, not the product's name."""
    for text in ("我那辆货车的保险犹豫期过了吗", "车子的保险能退吗", "电动车上的保险 车被偷了赔不赔", "车那个保险退保"):
        assert other_line_of((text,), (VEHICLE, TRIP)) is VEHICLE, text
    assert other_line_of(("托运的行李丢了 旅行保险赔不赔",), (VEHICLE, TRIP)) is TRIP


def test_a_car_or_trip_beside_a_life_question_is_not_its_insurance() -> None:
    """The object has to stand right before 保险 / 险: a crash, a trip or a late payout is no car or travel product."""
    for text in ("出车祸了 保险赔不赔", "旅行的时候摔了 保险管不管", "开车的保险金给谁", "旅行回来保险扣款失败了",
                 "车的保险赔完了 意外险还能赔吗"):
        assert other_line_of((text,), (VEHICLE, TRIP)) is None, text
