"""A corpus of members' questions and officers' answers, as clerks type them.

Written by hand from the way notes are taken in real meetings (none copied
from published minutes): questions led by the clerk's own reporting verb,
questions typed as asked (with and without "?"), bare topics, statements
rather than questions, multi-sentence answers, follow-up answers, members
named in full, by surname or not at all, and officers by title or by name.

Each case is the capture lines the clerk typed, blank-line separated; ``?``
starts a question, ``>`` an answer to the question before it.
"""

# ruff: noqa: E501  (the corpus is typed as the clerk typed it, one line each)

from __future__ import annotations

CORPUS = """
? Cllr Lee: asked whether the audit would be late
> Head of Finance: confirmed that it would be on time

? Cllr Ward: queried the timing of the report
> Director of Resources: explained that the data arrived late

? Cllr Lee: was the audit late?
> Head of Finance: it had been delayed by two weeks

? Cllr Ahmed: the cost of agency staff
> Director of Resources: agency spend had risen by 12% this year

? Cllr Ward: enquired about the number of vacant posts
> Head of HR: there were 14 vacancies, most of them in social work

? Cllr Ahmed: sought assurance that the budget gap would be closed
> Head of Finance: advised that savings of £1.2m had been identified

? Cllr Lee: raised concerns about the condition of the play areas
> Parks Manager: acknowledged that several sites needed investment

? Cllr Ward: welcomed the report and the progress made
> Director of Resources: thanked Members for their support

? Cllr Ahmed: also asked whether the savings were recurrent
> Head of Finance: confirmed that two thirds of them were

? Cllr Lee: how many complaints had been received?
> Customer Services Manager: 212 complaints had been received, 30 fewer than last year

? Cllr Ward: why had the consultation closed early?
> Head of Policy: it had not closed early; the deadline had been published in error

? Cllr Ahmed: when would the new system go live
> ICT Manager: in April, subject to testing

? Cllr Lee: could the figures be broken down by ward?
> Head of Finance: yes, they would be circulated after the meeting

? Cllr Ward: is the reserve adequate
> Head of Finance: the reserve was at the minimum level recommended

? Cllr Ahmed: did the council consult tenants before the change?
> Head of Housing: yes. Over 400 tenants had responded to the survey.

? Cllr Lee: what was the cost of the scheme?
> Director of Place: £3.4m, of which £1m came from government grant

? Cllr Ward: staff morale
> Director of People: a staff survey would be carried out in the spring

? Cllr Ahmed: the risk register
> Head of Audit: the register had been reviewed in October. Two new risks had been added. Neither was rated red.

? Cllr Lee: were schools involved in the design of the service?
> Head of Education: headteachers had been consulted throughout
> Director of Children's Services: added that a schools forum had been set up

? Cllr Ward: asked how the waiting list was prioritised
> Head of Housing: stated that applicants were placed in bands according to need
> Head of Housing: further explained that medical cases were assessed separately

? Cllr Ahmed: questioned whether the target was realistic
> Director of Place: accepted that it was ambitious but said it was achievable

? Cllr Lee: would the Council lose the grant if the scheme was delayed?
> Head of Finance: no, the grant conditions allowed a six-month extension

? Cllr Ward: has the Council appointed a new auditor
> Head of Audit: yes, the appointment had been made through the national scheme

? Cllr Ahmed: noted that the report did not include the latest figures
> Head of Performance: apologised and undertook to circulate them

? Cllr Lee: commented that residents had found the new bins confusing
> Waste Manager: reported that leaflets would be delivered to every household in March

? Cllr Ward: expressed concern at the rise in fly-tipping
> Waste Manager: agreed that it was a problem and outlined the enforcement action taken

? Cllr Ahmed: asked for an update on the leisure centre refurbishment
> Director of Place: the works were on schedule and would finish in June

? Cllr Lee: requested that future reports include benchmarking data
> Head of Performance: agreed to include benchmarking from the next quarter

? Cllr Ward: suggested that the Committee visit the new depot
> Democratic Services Officer: undertook to arrange a visit

? Cllr Ahmed: are the new homes energy efficient?
> Head of Housing: all of them met EPC band B or better

? Cllr Lee: how would the changes affect disabled residents?
> Head of Adult Social Care: an equality impact assessment had been completed
> Head of Adult Social Care: it had found no adverse impact

? Cllr Ward: what support was available for carers
> Carers Lead: a new carers' hub had opened in September. Grants of up to £500 were available.

? Cllr Ahmed: where would the money come from?
> Head of Finance: from the capital programme

? Cllr Lee: who would be responsible for the contract?
> Director of Place: the Head of Procurement would manage it

? Cllr Ward: how long would the works take
> Highways Manager: about eight weeks

? Cllr Ahmed: which wards were worst affected?
> Head of Public Health: the three town centre wards

? Cllr Lee: what proportion of the homes had been inspected
> Repairs Manager: 85 per cent

? Cllr Ward: whether the policy applied to care leavers
> Head of Housing: it did, and they were given priority

? Cllr Ahmed: how the savings would be monitored
> Head of Finance: through the monthly budget report to Cabinet

? Cllr Lee: the delay to the library refurbishment
> Head of Culture: the contractor had gone into administration

? Cllr Ward: about the parking charges at the country park
> Director of Place: the charges would be reviewed in the new year

? Cllr Ahmed: for clarification of the figures in table 3
> Head of Finance: the table showed the forecast at the end of quarter 2

? Cllr Lee: asked if the consultation responses would be published
> Head of Policy: confirmed that they would be published in full, without names

? Cllr Ward: enquired whether the scheme could be extended to rural areas
> Transport Manager: explained that funding was limited to urban routes but a bid would be made

? Cllr Ahmed: queried the increase in legal costs
> Monitoring Officer: advised that two complex cases had gone to the High Court

? Cllr Lee: Asked whether a recorded vote could be taken
> Monitoring Officer: Confirmed that it could, if three Members requested one.

? Cllr Ward: can the Committee see the action plan before it is submitted
> Director of Children's Services: it would be shared with the Committee in draft

? Councillor Ahmed: should the Council be doing more to recruit foster carers
> Head of Fostering: a new campaign had started in October

? Cllr Priya Lee: was the increase in exclusions expected
> Head of Education: no. The service was working with schools to understand the causes.

? was the roof repair covered by insurance?
> Head of Property: it was covered, less a £10,000 excess

? how many families were in temporary accommodation
> Head of Housing: 46 families, 12 of them in bed and breakfast

? asked whether the play area would reopen before the summer
> Parks Manager: confirmed that it would reopen in May

? the timetable for the local plan
> Head of Planning: the plan would be submitted for examination in 2027

? Cllr Lee: is there a waiting list for the service?
> Head of Adult Social Care: there were 31 people waiting, for an average of 3 weeks

? Cllr Ward: are there enough school places for September?
> Head of Education: yes, with a small surplus in each planning area

? Cllr Ahmed: have the new CCTV cameras reduced crime
> Community Safety Manager: it was too early to say

? Cllr Lee: had the contractor been paid in full?
> Head of Procurement: a retention of 5 per cent had been held back

? Cllr Ward: will the council tax rise next year
> Head of Finance: that would be a decision for Council in February

? Cllr Ahmed: does the strategy include the rural parishes?
> Head of Policy: it covered the whole district

? Cllr Lee: do officers expect the overspend to grow
> Head of Finance: it was expected to fall as agency use reduced

? Cllr Ward: what is the current vacancy rate?
> Head of HR: 9.4 per cent across the Council

? Cllr Ahmed: what was driving the increase in demand
> Director of Adult Services: mainly the rising number of people over 85

? Cllr Lee: how did residents respond to the consultation?
> Head of Policy: most respondents supported the proposals

? Cllr Ward: why was the bridge closed without notice
> Highways Manager: an inspection had found a structural defect that needed urgent repair

? Cllr Ahmed: when will the results be known?
> Head of Planning: by the end of January

? Cllr Lee: might the Council need to borrow to fund the scheme?
> Head of Finance: borrowing was not expected to be needed

? Cllr Ward: must the Council follow the government guidance?
> Monitoring Officer: the guidance was statutory and had to be followed

? Cllr Ahmed: what notice would residents get before the works started
> Highways Manager: two weeks' written notice

? Cllr Lee: how much had the Council spent on consultants this year?
> Head of Finance: £640,000, mostly on the regeneration programme

? Cllr Ward: what more could be done to support small businesses
> Economic Development Manager: a business grants scheme would open in January
> Economic Development Manager: the shop front scheme was also being extended

? Cllr Ahmed: was the judgement expected?
> Director of Children's Services: it had been anticipated. The self-assessment had identified the same areas.

? Cllr Lee: the number of children waiting for an assessment
> Head of SEND: 120 children were waiting; the target was to halve this by March

? Cllr Ward: recruitment of social workers
> Director of Children's Services: recruitment remained difficult. Twelve overseas social workers had been appointed.
> Head of HR: added that a retention payment had been introduced

? Cllr Ahmed: wondered whether the charging policy was fair to low-income households
> Head of Finance: explained that a reduced rate was available to anyone on benefits

? Cllr Lee: challenged the assumption that demand would fall
> Director of Adult Services: acknowledged the risk and said that the forecast would be kept under review

? Cllr Ward: highlighted the success of the volunteer litter picking groups
> Waste Manager: noted the comments and thanked the volunteers

? Cllr Ahmed: asked about the progress of the climate action plan
> Sustainability Officer: reported that 18 of the 25 actions were on track

? Cllr Lee: also queried why two actions were rated red
> Sustainability Officer: explained that both depended on government funding that had not been confirmed

? Cllr Ward: further asked when the funding decision was expected
> Sustainability Officer: said that a decision was due in March

? Cllr Ahmed: sought clarification on the eligibility criteria
> Head of Housing: clarified that the scheme was open to all tenants of more than a year

? Cllr Lee: sought an assurance that the service would not be cut
> Director of Resources: gave an assurance that there were no plans to reduce it

? Cllr Ward: pointed out that the report contained an error on page 12
> Democratic Services Officer: undertook to correct the published version

? Cllr Ahmed: was it possible to extend the opening hours
> Head of Culture: it would be possible if volunteers could be found

? Cllr Lee: were the figures comparable with neighbouring authorities?
> Head of Performance: they were broadly in line with the regional average

? Cllr Ward: could Members be given a briefing on the new powers?
> Monitoring Officer: a briefing would be arranged before the next meeting

? Cllr Ahmed: could the report come back to the Committee in six months
> Director of Place: yes

? Cllr Lee: was the service on course to meet its target?
> Head of Performance: no

? Cllr Ward: the response times for emergency repairs
> Repairs Manager: that 96 per cent of emergency repairs had been completed within 24 hours

? Cllr Ahmed: the governance of the new company
> Monitoring Officer: The company would report to the Shareholder Committee twice a year.

? Cllr Lee: would the Council consider a pilot in one ward first?
> Director of Place: a pilot would be considered as part of the detailed design

? Cllr Ward: asked what lessons had been learned from the flooding
> Emergency Planning Officer: outlined the changes made to the warning system
> Emergency Planning Officer: added that sandbag stores had been moved closer to the areas at risk

? Cllr Ahmed: how would the Committee be kept informed
> Director of Resources: through a quarterly update report

? Cllr Lee: thanked officers for the clear report

? Cllr Ward: asked whether the data would be published

? Cllr Ahmed: how many applications had been refused?

? Cllr Lee: the future of the mobile library service

? Cllr Ward: is the Council's website accessible to screen readers?
> Gemma Lowe: it met the accessibility standard, with two exceptions being fixed

? Cllr Ahmed: queried whether the estimate included inflation
> Gemma Lowe: confirmed that it did, at 3 per cent a year

? Cllr Lee: how many staff had completed the training? Was it mandatory?
> Head of HR: 340 staff had completed it, and it was mandatory for managers

? Cllr Ward: the report referred to a backlog. How large was it?
> Repairs Manager: about 600 jobs, down from 1,100 in the summer

? Cllr Ahmed: who did the survey
> Head of Housing: an independent research company

? Cllr Lee: what is the Council's position on the proposed incinerator?
> Head of Planning: the Council had objected to the application

? Cllr Ward: referred to the letter from the parish council and asked for a response
> Head of Planning: undertook to reply to the parish council within ten days

? Cllr Ahmed: was the outcome a disappointment
> Director of Children's Services: yes but the service had learned a great deal from the process

? Cllr Lee: does the Council still use the old depot
> Head of Property: yes the depot held the winter gritting fleet until March

? Cllr Ward: would the charges change in April
> no one had proposed a change for next year

? Cllr Lee: asks whether the library will reopen before Easter
> Head of Culture: confirms that it will reopen in May and the café is being relet
"""


def cases() -> list[list[str]]:
    """The corpus as a list of cases, each a list of capture lines."""
    blocks = [block.strip() for block in CORPUS.strip().split("\n\n")]
    return [block.splitlines() for block in blocks if block]
