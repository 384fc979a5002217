-- Operators' judgements of the AI's answers and candidates (appeal.ai-judged), kept against the entry judged:
-- KB editors see which entries operators found wrong; a «верно» on a close routed candidate taught the entry the
-- appeal's wording (learned_phrasing).
create table kb_judgements (
    event_id         uuid primary key,
    appeal_id        uuid             not null,
    entry_id         text,
    entry_version    int,
    verdict          text             not null, -- CORRECT | PARTIAL | WRONG
    decision         text,                      -- the decision the appeal got: MATCHED | UNMATCHED | OFF_TOPIC
    score            double precision,
    question         text,
    comment          text,
    judged_by        text,
    learned_phrasing text,
    judged_at        timestamptz      not null default now(),
    constraint kb_judgements_verdict check (verdict in ('CORRECT', 'PARTIAL', 'WRONG'))
);

create index kb_judgements_entry on kb_judgements (entry_id, judged_at desc);
create index kb_judgements_verdict on kb_judgements (verdict, judged_at desc);
