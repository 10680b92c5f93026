CREATE TABLE "mail_deliveries" (
	"key" varchar(200) PRIMARY KEY NOT NULL,
	"message_id" text,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_digest_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"kind" varchar(40) NOT NULL,
	"group_key" text DEFAULT '' NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"link" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notification_reminders" (
	"user_id" text NOT NULL,
	"kind" varchar(40) NOT NULL,
	"subject_key" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_reminders_user_id_kind_subject_key_pk" PRIMARY KEY("user_id","kind","subject_key")
);
--> statement-breakpoint
ALTER TABLE "notification_digest_items" ADD CONSTRAINT "notification_digest_items_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_reminders" ADD CONSTRAINT "notification_reminders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notification_digest_items_user_id_idx" ON "notification_digest_items" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "notification_digest_items_unsent_idx" ON "notification_digest_items" USING btree ("kind","user_id","group_key") WHERE "notification_digest_items"."sent_at" is null;