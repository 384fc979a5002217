package ru.rosobr.assistant.followup.campaigns;

/** DRAFT (may be scheduled) → RUNNING ⇄ PAUSED → DONE; CANCELLED from any but DONE. */
public enum CampaignStatus { DRAFT, RUNNING, PAUSED, DONE, CANCELLED }
