# English dev tickets: 5 per category, mixed sectors and lengths.
TICKETS = [
    T("delivery_shipping", "Order #88213 still not here", "Hi there,",
      "I ordered a standing desk on 2 March and the confirmation said 3-5 working days. It's now the 14th. "
      "[[The tracking page has said 'label created' for ten days and nothing has moved since.]] "
      "Can you find out from the courier what is going on?",
      ("Thanks,",), "Mark"),
    T("billing", "", "",
      "[[why did you take £14.99 twice this month??]] i only have one plan"),
    T("account_access", "Can't get into my account", "Hello,",
      "Since the update yesterday the app keeps telling me my password is wrong. "
      "[[I've reset it three times and every time I try to sign in it says invalid credentials.]] "
      "The reset e-mails arrive fine, so it's not the e-mail address.",
      ("Any help appreciated.", "Regards,"), "Priya Natarajan"),
    T("refund", "Re: Return RMA-55120", "Dear Customer Service,",
      "I sent the faulty blender back on 28/01/2024 using the prepaid label you e-mailed me, and the parcel was "
      "signed for at your warehouse on 31/01. Your own e-mail said the money would be back on my card within 5-7 "
      "working days. [[It has now been three weeks and I still haven't received the £89.00 back.]] "
      "I've attached the proof of delivery. The invoice number is INV-2024-00731 in case you need it.",
      ("Kind regards,",), "Helen Carter\n07700 900123",
      "On Wed, 31 Jan 2024 at 10:02, Returns Team <returns@kitchenplus.co.uk> wrote:\n> Your return has been received and is being inspected."),
    T("cancellation", "Cancel", "",
      "[[Please cancel my gym membership from the end of this month.]] I'm moving abroad. Membership no. 44120."),
    T("technical_issue", "Router keeps dropping", "Hi,",
      "For the last week my broadband drops out every evening around 8pm. The lights on the router go orange and "
      "then it reconnects after about five minutes. I've already restarted it and swapped the cable. "
      "[[The internet just cuts out several times a night and it's making working from home impossible.]]",
      ("Cheers,",), "Dan", damage="escapes"),
    T("product_question", "Question about the X200 headphones", "Hello,",
      "[[Do the X200 headphones work with a PS5 over Bluetooth, or do I need the USB dongle?]] "
      "Also, are the ear pads replaceable?",
      ("Thanks in advance!",)),
    T("feedback", "Great experience with Sam", "Hi,",
      "I just wanted to say that Sam on your chat line was brilliant yesterday. [[He was patient, explained "
      "everything clearly and sorted my problem in ten minutes, please pass on my thanks.]]",
      ("Best wishes,",), "Margaret"),
    T("other", "Partnership enquiry", "Dear team,",
      "I run a small chain of cycling cafés in Bristol and Bath. [[We'd love to talk about stocking your energy "
      "bars and becoming a local partner.]] Who would be the right person to speak to?",
      ("Looking forward to hearing from you.", "Best regards,"),
      "Tom Whitfield\nOwner, Spoke & Bean\ntom@spokeandbean.co.uk"),
    T("billing", "Invoice for February", "Good morning,",
      "Our accounts team needs a proper VAT invoice for the February subscription, the PDF in the portal only shows "
      "a receipt without our company details. [[Could you please issue an invoice addressed to Lumen Analytics Ltd, "
      "VAT number GB123456789?]]",
      ("Many thanks,",), "Sarah Bell\nFinance Manager, Lumen Analytics Ltd"),
    T("technical_issue", "", "",
      "app crashes as soon as i open the camera tab. [[it just closes itself every time]], iphone 13, latest version"),
    T("account_access", "Locked out", "Hi,",
      "I tried logging in from my new laptop and got too many wrong attempts. [[Now my account is locked and it "
      "says to contact support.]] My username is jfoster82.",
      ("Thanks",), "", "", "br"),
    T("delivery_shipping", "Wrong address on order 7781-2209", "Hello,",
      "I've just realised I placed my order with my old address. [[Can you change the delivery address to 14 Elm "
      "Road, Leeds LS6 2AB before it ships?]] The order was only placed an hour ago.",
      ("Thank you so much,",), "Aisha"),
    T("refund", "", "",
      "[[hi i cancelled my booking within 24h, when do i get my money back?]] booking ref KX7-2231"),
    T("cancellation", "Stop auto-renewal", "Dear Sir or Madam,",
      "My antivirus subscription renews automatically on 3 May and I was charged £49.99 last year without any "
      "reminder. I don't want to continue using the product as I've switched to another provider. "
      "[[Please make sure the automatic renewal is switched off and my subscription ends on the current expiry "
      "date.]]",
      ("Yours faithfully,",), "R. Okafor"),
    T("product_question", "", "",
      "[[is the 65 inch model in stock in white or only black?]]"),
    T("other", "Unsubscribe me", "",
      "[[I keep getting your marketing emails even though I never signed up for them, please take me off the list.]]"),
    T("feedback", "Very disappointed", "To whom it may concern,",
      "I've been a customer for six years and the way I was treated in your Oxford Street store on Saturday was "
      "unacceptable. The assistant rolled her eyes when I asked a simple question and then walked off to talk to a "
      "colleague. I waited twenty minutes for someone else. I'm not asking for anything in return, but "
      "[[I want you to know how poor the service was and that I'm seriously thinking about shopping elsewhere.]]",
      ("Regards,",), "Jennifer Moss", damage="entities"),
    T("billing", "Direct debit amount wrong", "Hi team,",
      "Last month my energy bill was £62 as usual. This month you took £148 by direct debit, but my usage hasn't "
      "changed and the meter readings I sent on the 1st are much lower. [[Can you check why the amount collected is "
      "more than double what it should be?]] Account number 5503 2241 09.",
      ("Thanks,",), "Gareth Lewis"),
    T("technical_issue", "Error 0x80070005 when installing", "Hello support,",
      "I bought the Pro licence last week and downloaded the installer for Windows 11. The installer starts, "
      "gets to about 70% and then stops. [[It shows error 0x80070005 and rolls everything back.]] I've tried "
      "running it as administrator and disabling the antivirus. Same result. I also tried the offline installer "
      "from your website on Tuesday and then again on Wednesday after a full restart, with no luck. "
      "My licence key is fine, it activated on my other PC without problems. Is there a log file I can send you? "
      "I need this working by Friday for a client presentation.",
      ("Thanks in advance for your help!", "Best,"), "Lukas Brenner\nSent from my iPhone"),
    T("delivery_shipping", "Parcel arrived damaged", "Hi,",
      "The parcel came today and the box was completely crushed on one side. [[Two of the six glasses inside are "
      "broken.]] I've taken photos of the box and the glasses. What should I do?",
      ("Thanks", ), "Chloe"),
    T("account_access", "", "",
      "[[i never get the verification code by text]] so i cant finish signing up"),
    T("cancellation", "Contract cancellation - account 20019873", "Hello,",
      "I'd like to end my mobile contract. I know I'm still within the minimum term until August, so "
      "[[please tell me how much the early termination fee would be if I cancel now.]] "
      "I'm moving to a provider with better coverage where I live, the signal at home has been poor for months.",
      ("Kind regards,",), "Nadia Hussain"),
    T("refund", "Charged for a cancelled flight", "Dear customer relations,",
      "My flight BA2490 from Gatwick to Malaga on 18/06/2024 was cancelled by you two days before departure. "
      "I was offered a voucher but I explicitly chose a refund in the online form, reference CX-77812. "
      "Since then I have phoned three times: on the 25th I was told it takes 7 days, on 2 July I was told it was "
      "processed, and on 10 July the agent couldn't see anything at all. "
      "[[I'm still waiting for the £312.40 for both tickets to be paid back to my credit card.]] "
      "I have the cancellation e-mail and the confirmation of my choice. Please treat this as urgent, I'm "
      "considering a chargeback with my bank if nothing happens by the end of the month.",
      ("Yours sincerely,",), "Michael Grant",
      "-----Original Message-----\nFrom: Customer Relations\nSent: 02 July 2024 11:15\nSubject: Your case CX-77812\n\n"
      "We have processed your request."),
    T("product_question", "Warranty on the Aqua 5 dishwasher", "Hi,",
      "We're thinking about buying the Aqua 5 dishwasher. [[How long is the warranty and does it cover the pump?]] "
      "And can it be built in under a standard worktop?",
      ("Thanks,",), "Emma & Josh"),
    T("other", "", "",
      "[[what time does your phone line open on saturdays?]]"),
    T("feedback", "Suggestion for the app", "Hello,",
      "Love the app in general. [[One suggestion: it would be great if you could add a dark mode, the white screen "
      "is very bright at night.]] Keep up the good work!",
      (), ""),
    T("billing", "", "",
      "[[my card was declined at checkout but the payment still shows as pending on my bank]], did it go through or not?"),
    T("technical_issue", "TV won't turn on", "Hi,",
      "Our Vistar 55 TV, bought in November, stopped working last night. [[It won't switch on at all, the red light "
      "just blinks three times.]] We've tried unplugging it for an hour.",
      ("Thanks,",), "Paul Jenkins\nOrder 301-7745123", damage="escapes"),
    T("delivery_shipping", "", "",
      "[[where is my order?? it was supposed to come yesterday]] order 55-8812"),
    T("account_access", "Update my email address", "Hi,",
      "I no longer use my old Hotmail address. [[Could you change the e-mail on my account to "
      "dave.wilson@outlook.com?]] I can't do it myself because the confirmation goes to the old address.",
      ("Thanks a lot,",), "Dave Wilson"),
    T("cancellation", "", "Hi,",
      "[[I want to cancel order 99321 please]], I ordered the wrong size by mistake and it hasn't been dispatched yet.",
      ("thanks",)),
    T("refund", "Refund for the broken kettle", "Hello,",
      "The kettle I bought from you (order 2288-193) started leaking after two uses. I don't want a replacement "
      "because I've already bought another one in a shop. [[I'd like my money back please.]] "
      "Happy to send it back if you send me a label.",
      ("Best regards,",), "Ines"),
    T("product_question", "Sizes", "",
      "[[Hi, do your running shoes come up true to size or should I order half a size bigger?]] I'm usually a UK 9."),
    T("feedback", "Delivery driver", "Hi,",
      "Just a quick note to say [[your delivery driver this morning was fantastic, he carried the washing machine up "
      "three flights of stairs with a smile.]] Please tell him thanks from us.",
      ("All the best,",), "The Robinsons", damage="br"),
    T("other", "Job application", "Dear Hiring Manager,",
      "[[I am writing to apply for the Customer Experience Advisor position advertised on your careers page.]] "
      "I have four years of experience in contact centres and attach my CV. I am available to start from September.",
      ("Thank you for considering my application.", "Yours sincerely,"), "Olivia Turner\n07911 123456"),
    T("billing", "Coupon not applied", "Hi,",
      "I used the code SPRING20 at checkout and it showed the 20% off, but the confirmation e-mail and my card "
      "statement show the full £75. [[Can you apply the discount and adjust the amount I paid?]]",
      ("Thanks,",), "Ben", "",
      ),
    T("technical_issue", "Sync not working", "Hello,",
      "Since Monday my files stopped syncing between my laptop and phone. The desktop client says 'Up to date' but "
      "the files I added on the phone never show up. I've signed out and back in, reinstalled the client on the "
      "laptop and checked that both devices have enough space. On Tuesday I spoke to someone on chat who told me "
      "to clear the cache, which I did. On Wednesday it worked for an hour and then stopped again. "
      "[[The sync between devices is simply broken and I'm losing track of which version of my documents is the "
      "latest.]] I'm on the Family plan, version 4.2.1 on macOS 14.",
      ("Thanks,",), "Rachel Adams",
      "> On 4 March, Support wrote:\n> Please clear the app cache and restart the client."),
    T("delivery_shipping", "Missing item", "Hi,",
      "My order arrived today but [[the phone case that was on the order isn't in the box]], only the screen "
      "protector. The packing slip lists both items.",
      ("Thanks,",), "Sophie"),
    T("account_access", "Account hacked?", "Hello,",
      "[[I got an e-mail saying my password was changed, but I didn't change it, and now I can't get in.]] "
      "I think someone has hacked my account. There's a saved card on it. Please help urgently!",
      (), "Kevin O'Brien"),
    T("cancellation", "Close my account", "Hi,",
      "[[Please close my account and delete my data.]] I haven't used the service in over a year.",
      ("Regards,",), "A. Patel", damage="entities"),
    T("refund", "", "",
      "[[returned the jacket 2 weeks ago, still no refund on my paypal]] tracking says you received it on the 5th"),
    T("product_question", "Does the plan include roaming?", "Hi,",
      "I'm thinking of switching to your Unlimited 30 plan. [[Does it include data roaming in the EU, and is there "
      "a limit?]] I travel to Spain a few times a year.",
      ("Cheers,",), "Liam"),
    T("feedback", "", "",
      "[[honestly the worst customer service i've ever had]], 3 calls and nobody could tell me anything"),
    T("other", "Press request", "Hello,",
      "I'm a journalist at the Manchester Evening News writing a piece on local businesses. "
      "[[Could someone from your press office give me a short comment on the new store opening?]] My deadline is Thursday.",
      ("Many thanks,",), "Hannah Reid\nReporter, Manchester Evening News\n0161 555 0192"),
]
