// Every string the player itself shows, in Chinese and English. Content text (scenarios,
// personas, competencies) comes from the content files; these are the program's own words.
// One table, so the font atlas can cover all of it up front.
//
// Strings with numbers use printf conversions (%d, %s) in both languages: fmt(S.round, 3, 8).
#pragma once

#include <string>
#include <vector>

#include "parley/text.h"

namespace parley::player {

// X(id, zh, en)
#define PARLEY_PLAYER_STRINGS(X)                                                                    \
    X(app_name, "Parley 谈判实训", "Parley")                                                         \
    X(app_tagline, "客户经理营销与谈判实训", "Sales & negotiation training for customer managers")   \
    X(nav_library, "场景库", "Library")                                                              \
    X(nav_progress, "我的进步", "Progress")                                                          \
    X(nav_meeting, "会谈中", "Meeting")                                                              \
    X(nav_debrief, "复盘", "Debrief")                                                                \
    X(lang_toggle, "EN", "中文")                                                                     \
    X(lang_toggle_tip, "切换到英文 (F2)", "Switch to Chinese (F2)")                                  \
    X(font_smaller, "A-", "A-")                                                                      \
    X(font_larger, "A+", "A+")                                                                       \
    X(font_size_tip, "字号 (Ctrl+- / Ctrl+=)", "Text size (Ctrl+- / Ctrl+=)")                        \
    X(fullscreen_tip, "全屏 (F11)", "Full screen (F11)")                                             \
    X(help_tip, "快捷键 (F1)", "Keyboard shortcuts (F1)")                                            \
    X(xp, "经验值", "XP")                                                                            \
    X(shortcuts_title, "快捷键", "Keyboard shortcuts")                                               \
    X(shortcuts_body,                                                                               \
      "Tab / 方向键：在控件间移动    空格 / 回车：确认\n"                                             \
      "1–9：选择会谈中的选项    Esc：返回 / 离开会谈\n"                                               \
      "Ctrl+1 场景库    Ctrl+2 我的进步    F2 切换语言    F11 全屏\n"                                 \
      "Ctrl+= / Ctrl+-：调整字号    Ctrl+F：搜索场景    F1：本帮助",                                  \
      "Tab / arrows: move between controls    Space / Enter: activate\n"                            \
      "1–9: pick an option in a meeting    Esc: back / leave a meeting\n"                             \
      "Ctrl+1 Library    Ctrl+2 Progress    F2 language    F11 full screen\n"                         \
      "Ctrl+= / Ctrl+-: text size    Ctrl+F: search scenarios    F1: this help")                      \
    X(close, "关闭", "Close")                                                                        \
    X(colon, "：", ": ")                                                                             \
    X(list_separator, "、", ", ")                                                                        \
    X(store_unavailable, "无法保存进度：%s", "Progress cannot be saved: %s")                        \
    /* Library */                                                                                   \
    X(library_title, "场景库", "Scenario library")                                                   \
    X(library_subtitle, "选择一个真实业务场景，与不同性格的客户练习会谈与谈判。",                  \
      "Pick a real banking situation and rehearse the meeting against clients of different temperament.") \
    X(search_hint, "搜索标题、摘要、客户类型…", "Search titles, summaries, client types…")            \
    X(filter_all, "全部", "All")                                                                     \
    X(filter_level, "级别", "Level")                                                                 \
    X(filter_competency, "能力", "Competency")                                                       \
    X(level_1, "初级", "Junior")                                                                     \
    X(level_2, "中级", "Intermediate")                                                               \
    X(level_3, "高级", "Senior")                                                                     \
    X(trains, "训练能力", "Trains")                                                                  \
    X(clients, "可对阵客户", "Clients")                                                              \
    X(best, "最佳", "Best")                                                                          \
    X(not_played, "尚未练习", "Not played yet")                                                      \
    X(open_briefing, "查看简报", "Open briefing")                                                    \
    X(no_match, "没有符合条件的场景。", "No scenario matches.")                                       \
    X(resume_title, "有一场未完成的会谈", "A meeting is in progress")                                \
    X(resume_body, "%s · %s · 已做出 %d 个决定", "%s · %s · %d decisions made")                      \
    X(resume, "继续会谈", "Resume")                                                                  \
    X(discard, "放弃", "Discard")                                                                    \
    X(resume_failed, "无法继续上次的会谈：%s", "The saved meeting cannot be resumed: %s")            \
    X(content_errors, "内容有错误，部分场景未能加载：", "Some content has errors and was not loaded:") \
    X(difficulty, "难度", "Difficulty")                                                              \
    /* Briefing */                                                                                  \
    X(back_to_library, "返回场景库", "Back to library")                                              \
    X(dossier, "客户档案", "Client dossier")                                                         \
    X(company, "公司", "Company")                                                                    \
    X(situation, "现状", "Situation")                                                                \
    X(entry_moment, "切入时机", "Entry moment")                                                      \
    X(objectives, "学习目标", "Learning objectives")                                                 \
    X(sources_title, "培训资料出处", "From the training material")                                   \
    X(choose_client, "选择客户", "Choose the client")                                                \
    X(approach, "应对要点", "How to approach")                                                       \
    X(social_style, "社交风格", "Social style")                                                      \
    X(locked, "未解锁", "Locked")                                                                    \
    X(unlock_persona_rule, "用「%s」获得至少 1 颗星后解锁", "Unlocks after 1 star against “%s”")   \
    X(unlock_hard_rule, "在本场景「标准」难度获得 2 颗星后解锁", "Unlocks after 2 stars on Normal in this scenario") \
    X(difficulty_easy_note, "显示信任、兴趣、耐心指标；客户多 2 次耐心。",                          \
      "Trust, interest and patience meters shown; the client has 2 more patience.")                 \
    X(difficulty_normal_note, "显示指标。", "Meters shown.")                                          \
    X(difficulty_hard_note, "只看肢体语言，不显示指标；客户少 1 次耐心。",                          \
      "Only body language, no meters; the client has 1 less patience.")                             \
    X(practice_code, "练习编号", "Practice code")                                                    \
    X(practice_code_tip, "同一编号、同一客户与难度，所有学员的条件完全相同（课堂使用）。",          \
      "Same code, client and difficulty: identical conditions for every trainee (for classes).")    \
    X(new_code, "换一个", "New code")                                                                \
    X(start_meeting, "开始会谈", "Start meeting")                                                    \
    X(prep_title, "谈判准备：两张表", "Negotiation preparation: two lists")                          \
    X(prep_note, "谈判前先想清楚：哪些条件可以让（退让表），哪些必须坚持（坚持表）。",             \
      "Before negotiating, decide what you may concede (concede list) and what you must hold (hold list).") \
    X(prep_concede, "可让步", "Concede")                                                             \
    X(prep_hold, "必须坚持", "Hold")                                                                 \
    X(prep_neither, "未定", "Undecided")                                                             \
    X(issue, "议题", "Issue")                                                                        \
    X(bank_target, "目标", "Target")                                                                 \
    X(bank_walkaway, "底线", "Walk-away")                                                            \
    X(bank_opening, "开价", "Opening")                                                               \
    /* Meeting */                                                                                   \
    X(you, "您", "You")                                                                              \
    X(client, "客户", "Client")                                                                      \
    X(table_note, "谈判桌", "At the table")                                                          \
    X(leave, "离开", "Leave")                                                                        \
    X(leave_title, "离开会谈？", "Leave the meeting?")                                               \
    X(leave_body, "进度已保存，可以随时从场景库继续。", "Your progress is saved; resume it any time from the library.") \
    X(leave_confirm, "保存并离开", "Save and leave")                                                 \
    X(stay, "继续会谈", "Stay")                                                                      \
    X(body_language, "肢体语言", "Body language")                                                    \
    X(emotion, "情绪", "Emotion")                                                                    \
    X(trust, "信任", "Trust")                                                                        \
    X(interest, "兴趣", "Interest")                                                                  \
    X(patience, "耐心", "Patience")                                                                  \
    X(patience_left, "还剩 %d 次", "%d left")                                                        \
    X(hard_hint, "困难模式：读懂肢体语言来判断客户状态。", "Hard: read the body language to judge the client.") \
    X(your_options, "您的回应", "Your response")                                                     \
    X(decision_n, "第 %d 个决定", "Decision %d")                                                     \
    X(meeting_over, "会谈结束", "The meeting is over")                                               \
    X(see_debrief, "查看复盘", "See the debrief")                                                    \
    X(needs_found, "已发现需求", "Needs found")                                                      \
    X(objections_open, "待处理异议", "Open objections")                                              \
    X(none_yet, "暂无", "None yet")                                                                  \
    X(stage, "阶段", "Stage")                                                                        \
    /* Negotiation */                                                                               \
    X(negotiation, "谈判", "Negotiation")                                                            \
    X(round_of, "第 %d / %d 轮", "Round %d of %d")                                                   \
    X(client_patience_rounds, "客户还会还价 %d 次", "Client counter-offers left: %d")                       \
    X(your_offer, "我方报价", "Your offer")                                                          \
    X(client_offer, "客户报价", "Client's offer")                                                    \
    X(gap, "差距", "Gap")                                                                            \
    X(confirm_prep, "确认两张表", "Confirm the lists")                                               \
    X(move_offer, "出价", "Offer")                                                                   \
    X(move_trade, "条件交换", "Trade")                                                               \
    X(move_hold, "坚持", "Hold")                                                                     \
    X(move_nibble, "蚕食", "Nibble")                                                                 \
    X(move_split, "提议折中", "Split the difference")                                                \
    X(move_accept, "接受客户报价", "Accept client's offer")                                          \
    X(move_walk, "离开谈判", "Walk away")                                                            \
    X(move_offer_note, "只有您修改过的议题会出现在报价中。", "Only the issues you change go into the offer.") \
    X(move_trade_note, "我方让出一项，换取客户在另一项上的让步（条件交换）。",                     \
      "Give on one issue only in exchange for the client moving on another.")                       \
    X(move_nibble_note, "条件接近时，再争取一个小的额外条件（蚕食法）。",                         \
      "When terms are close, ask for one small extra (nibbling).")                                   \
    X(include_issue, "纳入", "Include")                                                              \
    X(give, "我方让出", "We give")                                                                   \
    X(ask_in_return, "换取", "In return")                                                            \
    X(submit_move, "提交", "Submit")                                                                 \
    X(walk_title, "确定离开谈判？", "Walk away from the negotiation?")                               \
    X(walk_body, "谈判将以未达成协议结束。", "The negotiation ends without a deal.")                \
    X(walk_confirm, "离开谈判", "Walk away")                                                         \
    X(concessions, "让步记录", "Concessions")                                                        \
    X(side_bank, "我方", "Bank")                                                                     \
    X(side_client, "客户", "Client")                                                                 \
    X(traded, "交换所得", "traded")                                                                  \
    X(given, "白给", "given")                                                                        \
    X(no_concessions, "尚无让步。", "No concessions yet.")                                           \
    X(rules_title, "让步的原则", "Rules of conceding")                                               \
    X(rules_body,                                                                                   \
      "让步次数要少 · 速度要慢 · 幅度越来越小\n绝不主动提出折中 · 条件交换，不白给 · 守住坚持表",   \
      "Few concessions · slowly · each smaller\nNever propose splitting first · trade, never give · hold your hold list") \
    /* Debrief */                                                                                   \
    X(debrief_title, "复盘", "Debrief")                                                              \
    X(outcome, "结果", "Outcome")                                                                    \
    X(total_score, "总分", "Total")                                                                  \
    X(tier, "等级", "Tier")                                                                          \
    X(failed, "本次演练未通过：出现严重违规，总分最高 %d 分，不得星。", "This run failed: a critical violation holds the total to %d and earns no star.") \
    X(duty_missed, "未履行义务：", "Duty left undone: ")   \
    X(competency_radar, "能力雷达", "Competency radar")                                              \
    X(radar_legend, "蓝色：本次   金色：此前最佳", "Blue: this run   Gold: previous best")           \
    X(score_parts, "得分构成", "How the total is made")                                              \
    X(part_competencies, "能力表现", "Competencies")                                                 \
    X(part_outcome, "会谈结果", "Outcome")                                                           \
    X(part_negotiation, "谈判", "Negotiation")                                                       \
    X(bank_value, "银行收益", "Value for the bank")                                                  \
    X(client_satisfaction, "客户满意度", "Client satisfaction")                                      \
    X(rule_adherence, "让步规则", "Rule adherence")                                                  \
    X(trainee_concessions, "我方让步次数", "Your concessions")                                      \
    X(agreed_terms, "达成条件", "Agreed terms")                                                      \
    X(violations, "合规红线", "Compliance violations")                                               \
    X(violation_at, "第 %d 个决定", "at decision %d")                                                \
    X(critical, "严重", "critical")                                                                  \
    X(rule_breaches, "违反的谈判原则", "Negotiation rules broken")                                   \
    X(decisions, "逐个决定回顾", "Every decision")                                                   \
    X(your_choice, "您的选择", "Your choice")                                                        \
    X(feedback, "点评", "Feedback")                                                                  \
    X(source, "出处:", "From the training material: ")                                              \
    X(better_choice, "更好的选择", "Better choice")                                                  \
    X(better_would_reach, "此处选择它，最好可得 %d 分（您的选择最好可得 %d 分）。",                 \
      "Choosing it here could still reach %d (your choice: at best %d).")                           \
    X(best_choice_here, "这是此处的最佳选择。", "This was the best choice here.")                    \
    X(analysing, "正在分析每个决定的最佳选择…", "Working out the best choice at every decision…")    \
    X(analysis_unavailable, "本次无法计算最佳选择。", "The best choices could not be worked out for this run.") \
    X(timely_close, "成交时机恰当", "Timely close")                                                  \
    X(premature_close, "成交过早", "Premature close")                                               \
    X(method_effect, "方法效果 %d%%", "Method effect %d%%")                                         \
    X(objection_resolved, "异议已化解", "Objection resolved")                                        \
    X(badge_new, "新", "new")                                                                       \
    X(badges_this_run, "本次获得", "Earned this run")                                                \
    X(xp_gained, "+%d 经验值", "+%d XP")                                                             \
    X(no_badges_run, "本次没有获得新徽章。", "No new badges this run.")                             \
    X(save_transcript, "保存记录", "Save transcript")                                                \
    X(saved_to, "已保存：%s", "Saved: %s")                                                           \
    X(save_failed, "保存失败：%s", "Could not save: %s")                                             \
    X(try_again, "再试一次", "Try again")                                                            \
    X(try_another, "换个客户", "Another client")                                                     \
    X(to_library, "场景库", "Library")                                                               \
    X(unlocked_now, "新解锁：%s", "Unlocked: %s")                                                    \
    X(deltas, "信任 %+d · 兴趣 %+d · 耐心 %+d", "trust %+d · interest %+d · patience %+d")          \
    /* Rewind and practice */                                                                       \
    X(try_from_here, "从这里重来", "Try from here")                                                  \
    X(practice_rule, "重来是练习：经验值减半，不计最佳星级、解锁、等级和课堂成绩。",                \
      "Rewinding is practice: half XP, never best stars, unlocks, tier or the classroom.")          \
    X(rewind_failed, "无法从这里重来：%s", "Cannot rewind here: %s")                                \
    X(rewound_title, "重来的练习 · 从第 %d 个决定开始", "Practice run · rewound at decision %d")      \
    X(rewound_this_run, "这一次", "This run")                                                        \
    X(rewound_original, "原来那次", "The run you rewound")                                            \
    X(rewound_change, "变化", "Change")                                                              \
    X(xp_practice, "+%d 经验值（练习减半）", "+%d XP (practice, halved)")                              \
    X(practice_tag, "练习", "practice")                                                              \
    /* Costliest decisions */                                                                       \
    X(costliest, "失分最多的决定", "The decisions that cost the most")                              \
    X(costliest_none, "每个决定都是此处的最佳选择。", "Every decision was the best one at its point.") \
    X(costliest_row, "第 %d 个决定 · 少得 %d 分", "Decision %d · %d below the best")                   \
    X(no_negotiation, "本场会谈没有谈判环节。", "This meeting had no negotiation.")                    \
    /* Recommendation */                                                                            \
    X(recommend_title, "推荐下一场练习", "Recommended next")                                           \
    X(recommend_go, "去看简报", "Open its briefing")                                                 \
    /* Classroom (Join class) */ \
    X(nav_class, "课堂", "Class") \
    X(join_class, "加入课堂", "Join class") \
    X(join_class_note, "培训师开课时，用投影上的地址和代码加入。", "When your trainer runs a class, join with the address and code on the projector.") \
    X(join_title, "加入课堂", "Join a class") \
    X(join_subtitle, "输入培训师在投影上给出的服务器地址和课堂代码，再填上您的名字。", "Enter the server address and class code the trainer shows on the projector, then your name.") \
    X(class_server, "服务器地址", "Server address") \
    X(class_server_hint, "例如 192.168.1.20:8080", "e.g. 192.168.1.20:8080") \
    X(class_code, "课堂代码", "Class code") \
    X(class_code_hint, "投影上的数字", "the number on the projector") \
    X(class_name, "您的名字", "Your name") \
    X(class_name_hint, "显示在课堂排行上", "shown on the class board") \
    X(class_join, "加入", "Join") \
    X(class_joining, "正在连接课堂服务器…", "Connecting to the class server…") \
    X(class_rejoin_note, "用同一台电脑、同一个名字再次加入，会接着原来的进度。", "Join again from this computer with the same name to carry on where you left off.") \
    X(class_cannot_join, "无法加入课堂", "Could not join the class") \
    X(err_fields, "请填写服务器地址、课堂代码和名字。", "Fill in the server address, the class code and your name.") \
    X(err_unreachable, "无法连接课堂服务器。请检查地址，并确认与培训师在同一网络。", "The class server cannot be reached. Check the address and that you are on the trainer's network.") \
    X(err_address, "地址应为“主机:端口”，例如 192.168.1.20:8080。", "The address should be host:port, e.g. 192.168.1.20:8080.") \
    X(err_bad_code, "没有这个课堂代码，请核对投影上的代码。", "There is no class with this code: check the code on the projector.") \
    X(err_banned, "培训师已禁止这个名字加入本课堂。", "The trainer has banned this name from the class.") \
    X(err_name_taken, "这个名字已有人使用。如果是您本人，请在原来的电脑上加入；否则请换一个名字。", "This name is taken. If it is you, join from the computer you joined on; otherwise choose another name.") \
    X(err_too_many, "错误的课堂代码试了太多次，请稍后再试。", "Too many wrong class codes: wait a moment and try again.") \
    X(err_late, "课堂已经开始，不接受迟到加入。", "The class has started and does not admit late joiners.") \
    X(err_ended, "本课堂已结束。", "This class has ended.") \
    X(err_bad_name, "这个名字不能使用（长度或字符不符合要求）。", "This name cannot be used (its length or characters).") \
    X(err_refused, "课堂服务器拒绝了请求。", "The class server refused the request.") \
    X(err_content, "本机的场景内容与课堂服务器的不同，无法参加本课堂。请更新 Parley 后再加入。", "This computer's content differs from the class server's, so you cannot take part. Update Parley and join again.") \
    X(server_says, "服务器说明：%s", "Server says: %s") \
    X(class_detail, "详情：%s", "Details: %s") \
    X(class_board_stale, "暂时连接不上课堂服务器，这是上一次读到的排行。", "The class server cannot be reached just now: this is the board as last read.") \
    X(class_rules_title, "课堂规则", "Class rules") \
    X(class_rules_subtitle, "本课堂所有学员条件相同：同一场景、客户、练习编号和难度。规则在开始前公布，对所有人一样。", "Everyone in this class plays the same scenario, client, practice code and difficulty. The rules are announced before play, the same for everyone.") \
    X(class_joined_as, "已加入课堂 %s · %s", "Joined class %s as %s") \
    X(class_assigned, "指定的会谈", "The assigned meeting") \
    X(class_star_thresholds, "星级门槛", "Star thresholds") \
    X(class_star_row, "%d 星：总分 ≥ %d", "%d star(s): total ≥ %d") \
    X(class_shares, "能力表现 %d%% · 会谈结果 %d%% · 谈判 %d%%", "Competencies %d%% · Outcome %d%% · Negotiation %d%%") \
    X(class_negotiation_parts, "谈判得分：银行收益 %d%% · 客户满意度 %d%% · 让步规则 %d%%", "Negotiation score: value for the bank %d%% · client satisfaction %d%% · rule adherence %d%%") \
    X(class_critical_cap, "出现严重违规：总分最高 %d 分，不得星。", "A critical violation holds the total to %d and earns no star.") \
    X(class_competencies, "评估的能力（权重）", "Competencies assessed (weight)") \
    X(class_ranking, "排名规则", "Ranking") \
    X(class_public_top, "投影只显示前 %d 名；您的名次只显示在您自己的屏幕上。", "The projector shows only the top %d; your own rank is shown on your screen only.") \
    X(class_start, "开始会谈", "Start the meeting") \
    X(class_continue, "继续会谈（已做出 %d 个决定）", "Continue the meeting (%d decisions made)") \
    X(class_have_result, "您在本课堂的成绩已经记录。", "Your result in this class is already recorded.") \
    X(class_see_board, "查看课堂排行", "See the class board") \
    X(class_leave, "离开课堂", "Leave the class") \
    X(class_leave_body, "进度已发送到课堂服务器，可以从“课堂”继续这场会谈。", "Your progress is with the class server; carry on with this meeting from Class.") \
    X(class_chip_rank, "课堂 · 第 %d 名 / 共 %d 人", "Class: rank %d of %d") \
    X(class_chip_finished, "课堂 · %d / %d 人已完成", "Class: %d of %d finished") \
    X(class_chip_offline, "课堂 · 未连接", "Class: not connected") \
    X(class_board_title, "课堂排行", "Class board") \
    X(class_your_result, "您的成绩（由课堂服务器重新计算）", "Your result (recomputed by the class server)") \
    X(class_sending, "正在提交成绩…", "Sending your result…") \
    X(class_queued, "已保存在本机；课堂服务器可以连接时会自动发送。", "Saved on this computer; will be sent when the class server is reachable.") \
    X(class_retry, "重试", "Retry") \
    X(class_refused, "课堂服务器未接受这份成绩。", "The class server did not accept this result.") \
    X(class_your_rank, "您的名次：第 %d 名（%d 人已完成，共 %d 人）", "Your rank: %d (%d finished of %d)") \
    X(class_top, "前几名", "Top of the class") \
    X(class_board_note, "只显示前几名和您自己的名次。", "Only the top of the class and your own rank are shown.") \
    X(class_col_rank, "名次", "Rank") \
    X(class_col_name, "名字", "Name") \
    X(class_col_violations, "违规", "Violations") \
    X(class_you, "（您）", " (you)") \
    X(class_no_results, "还没有人完成。", "Nobody has finished yet.") \
    X(class_waiting, "正在读取课堂排行…", "Reading the class board…") \
    X(class_see_debrief, "查看详细复盘", "See the full debrief") \
    X(class_outbox_sending, "有 %d 份课堂成绩保存在本机，正在重新发送…", "%d class result(s) kept on this computer: sending again…") \
    X(class_outbox_sent, "已送达 %d 份保存在本机的课堂成绩。", "%d class result(s) kept on this computer have been delivered.") \
    /* Progress */                                                                                  \
    X(progress_title, "我的进步", "My progress")                                                     \
    X(progress_subtitle, "每一次练习都会记录在这台电脑上。", "Every run is kept on this computer.") \
    X(runs_count, "练习次数", "Runs")                                                                \
    X(current_tier, "当前等级", "Current tier")                                                      \
    X(tier_rule, "按最近 5 次练习的平均分,不高于其中会谈的级别", "From your last 5 runs' average, up to the level of those meetings")                  \
    X(total_xp, "累计经验值", "Total XP")                                                            \
    X(stars_earned, "获得星数", "Stars earned")                                                      \
    X(score_over_time, "总分变化", "Total over time")                                                \
    X(competency_trend, "各项能力趋势", "Competency trends")                                         \
    X(not_assessed, "尚未评估", "Not assessed yet")                                                  \
    X(badges, "徽章", "Badges")                                                                      \
    X(unlocks, "解锁进度", "Unlocks")                                                                \
    X(rules_published, "规则事先公开：", "The rules, published in advance:")                         \
    X(xp_rule, "经验值 = 总分 + 每颗星 10 + 每枚新徽章 15", "XP = total + 10 per star + 15 per new badge") \
    X(run_history, "练习记录", "Run history")                                                        \
    X(col_date, "日期", "Date")                                                                      \
    X(col_scenario, "场景", "Scenario")                                                              \
    X(col_client, "客户", "Client")                                                                  \
    X(col_total, "总分", "Total")                                                                    \
    X(col_stars, "星级", "Stars")                                                                    \
    X(col_outcome, "结果", "Outcome")                                                                \
    X(no_runs, "还没有练习记录。从场景库开始第一场会谈吧。", "No runs yet. Start your first meeting from the library.") \
    X(unlocked, "已解锁", "Unlocked")

#define PARLEY_DECLARE_STRING(id, zh, en) Text id{zh, en};
struct UiStrings {
    PARLEY_PLAYER_STRINGS(PARLEY_DECLARE_STRING)
};
#undef PARLEY_DECLARE_STRING

const UiStrings& strings();
// Every string of the table (both languages), for the font atlas.
std::vector<const Text*> all_strings();

// printf-style formatting of a table string (the format comes from the table above).
std::string fmt(const char* format, ...);

}  // namespace parley::player
